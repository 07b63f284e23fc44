import Foundation

/// `/` on a panel (SPEC §17): a row stays while the filter is a case-insensitive substring of its visible text, the
/// cells as the table shows them.
public enum PanelFilter {
    public static func matches(_ row: PanelRow, filter: String) -> Bool {
        guard !filter.isEmpty else { return true }
        return row.cells.joined(separator: " ").range(of: filter, options: [.caseInsensitive]) != nil
    }
}
