/// `/` (SPEC §17): the focused panel keeps the rows whose visible text contains what is typed, case-insensitively,
/// as it is typed. Enter keeps the filter and gives the keys back; Esc clears it. The filter shows in the panel's
/// title until cleared.
extension ConsoleScreen {
    mutating func startFilter() {
        state.editingFilter = true
        state.status = StatusMessage("Filter \(state.focus.title): type to narrow the rows · Enter keeps · Esc clears")
    }

    /// Applies `key` to the filter being typed; false when the key is not the filter's (it ends the typing and is
    /// then handled as usual).
    mutating func editFilter(with key: KeyPress) -> Bool {
        let panel = state.focus
        switch key {
        case .character(let character) where !character.isControl:
            state.filters[panel, default: ""].append(character)
        case .backspace:
            if state.filters[panel]?.isEmpty == false { state.filters[panel]?.removeLast() }
        case .enter:
            state.editingFilter = false
            let filter = state.filter(of: panel)
            state.status = filter.map { StatusMessage("\(panel.title) filtered by \"\($0)\" · Esc clears") }
            if filter == nil { state.filters[panel] = nil }
            return true
        case .escape:
            state.editingFilter = false
            _ = clearFilter()
            return true
        default:
            state.editingFilter = false
            if state.filter(of: panel) == nil { state.filters[panel] = nil }
            state.status = nil
            return false
        }
        filterChanged()
        return true
    }

    /// Esc on the dashboard: clears the focused panel's filter. False when it had none.
    mutating func clearFilter() -> Bool {
        let panel = state.focus
        guard state.filters[panel] != nil else { return false }
        state.filters[panel] = nil
        state.status = StatusMessage("\(panel.title): filter cleared")
        filterChanged()
        return true
    }

    /// A changed filter starts the panel's selection over at its first row, as a new list would.
    private mutating func filterChanged() {
        state.cursors[state.focus] = PanelCursor()
        clampCursors()
    }
}

extension Character {
    /// A control character (Ctrl-L, Escape…): never part of a filter.
    fileprivate var isControl: Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
