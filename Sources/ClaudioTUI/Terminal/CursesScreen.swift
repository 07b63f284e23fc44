import CNCursesW
import Glibc

/// The thin wrapper over ncursesw: opens the terminal, paints ``ScreenLine``s, reads keys, restores the terminal.
///
/// Not `Sendable` on purpose: ncursesw (the non-threaded build) keeps global state, and `wget_wch` itself refreshes
/// the screen, so reading and painting must happen on one thread — ``TerminalSession``'s.
final class CursesScreen {
    private let screen: OpaquePointer
    private let attributes: [TextStyle: UInt32]
    private var isOpen = true

    /// Takes over the terminal: UTF-8 locale, cbreak, no echo, keypad keys, no cursor, colours per `colorMode`.
    /// - Parameter readTimeout: how long ``read()`` waits for a key, in milliseconds.
    init(colorMode: ColorMode, readTimeout: Int32) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        Self.selectLocale()
        // newterm rather than initscr: initscr calls exit() when the terminal cannot be set up.
        guard let screen = cnc_newterm_stdio() else {
            throw .cannotOpen(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        cbreak()
        noecho()
        nonl()
        _ = cnc_keypad(1)
        curs_set(0)
        // Escape alone is a key here, not the start of a sequence worth waiting a second for.
        set_escdelay(25)
        cnc_timeout(readTimeout)
        attributes = Self.attributes(colorMode: colorMode)
    }

    /// Lines and columns now.
    var size: TerminalSize { TerminalSize(columns: Int(cnc_getmaxx()), rows: Int(cnc_getmaxy())) }

    /// Draws `lines` from the top, each segment at the column the screen model computed, so the terminal's own
    /// width arithmetic cannot shift the columns after a wide character; ncurses sends only what changed.
    /// - Parameter repaintAll: clear and redraw the whole terminal (Ctrl-L, a resize).
    func paint(_ lines: [ScreenLine], repaintAll: Bool) {
        if repaintAll { _ = cnc_clearok(1) }
        _ = cnc_erase()
        let rows = Int(cnc_getmaxy())
        for (y, line) in lines.prefix(rows).enumerated() {
            var x = 0
            for segment in line.segments {
                _ = cnc_attrset(attributes[segment.style] ?? cnc_a_normal())
                var characters = segment.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                let count = Int32(characters.count)
                characters.append(0)
                // Writing the bottom-right cell reports ERR (the cursor cannot move past it) but draws the cell.
                _ = cnc_mvaddnwstr(Int32(y), Int32(x), characters, count)
                x += DisplayWidth.of(segment.text)
            }
        }
        _ = cnc_attrset(cnc_a_normal())
        _ = cnc_refresh()
    }

    /// Waits up to the read timeout for a key; nil when none came.
    func read() -> KeyDecoder.Input? {
        var code: wint_t = 0
        let result = cnc_wget_wch(cnc_stdscr(), &code)
        guard result != cnc_err() else { return nil }
        return KeyDecoder.decode(result: result, code: UInt32(code))
    }

    /// Gives the terminal back as it was (endwin); safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        delscreen(screen)
    }

    /// The environment's locale, so ncursesw reads and writes UTF-8; when that locale is not UTF-8 (LANG unset, the
    /// C locale), C.UTF-8, which glibc always has — user names and prompts are UTF-8 whatever the locale says.
    private static func selectLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    private static func attributes(colorMode: ColorMode) -> [TextStyle: UInt32] {
        var table: [TextStyle: UInt32] = [
            .normal: cnc_a_normal(), .bold: cnc_a_bold(), .dim: cnc_a_normal(), .selected: cnc_a_reverse(),
            .ok: cnc_a_normal(), .warning: cnc_a_bold(), .error: cnc_a_bold(),
        ]
        guard colorMode == .colors, cnc_has_colors() == 1, cnc_start_color() != cnc_err() else { return table }
        // The terminal's own background (-1) where it allows it, so the console does not paint a black slab.
        let background: Int16 = cnc_use_default_colors() == cnc_err() ? 0 : -1
        let pairs: [(TextStyle, Int16, Int16)] = [
            (.ok, 1, cnc_color_green()), (.warning, 2, cnc_color_yellow()), (.error, 3, cnc_color_red()),
        ]
        for (style, pair, foreground) in pairs {
            guard cnc_init_pair(pair, foreground, background) != cnc_err() else { continue }
            let emphasis = style == .ok ? cnc_a_normal() : cnc_a_bold()
            table[style] = UInt32(bitPattern: cnc_color_pair(Int32(pair))) | emphasis
        }
        table[.dim] = cnc_a_dim()
        return table
    }
}
