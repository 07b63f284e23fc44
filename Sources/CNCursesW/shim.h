#ifndef CLAUDIO_CNCURSESW_SHIM_H
#define CLAUDIO_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

/* ncurses exposes these as macros or globals, which Swift cannot see directly. */
static inline int cnc_color_pair(int n) { return COLOR_PAIR(n); }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_get_wch(wint_t *out) { return get_wch(out); }
static inline int cnc_key_resize(void) { return KEY_RESIZE; }
static inline int cnc_key_up(void) { return KEY_UP; }
static inline int cnc_key_down(void) { return KEY_DOWN; }
static inline int cnc_key_ppage(void) { return KEY_PPAGE; }
static inline int cnc_key_npage(void) { return KEY_NPAGE; }
static inline int cnc_key_home(void) { return KEY_HOME; }
static inline int cnc_key_end(void) { return KEY_END; }
static inline int cnc_key_f(int n) { return KEY_F(n); }
static inline int cnc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cnc_err(void) { return ERR; }
static inline unsigned int cnc_a_bold(void) { return A_BOLD; }
static inline unsigned int cnc_a_reverse(void) { return A_REVERSE; }
static inline unsigned int cnc_a_dim(void) { return A_DIM; }
static inline unsigned int cnc_a_normal(void) { return A_NORMAL; }
static inline int cnc_attr_on(unsigned int a) { return attron((int)a); }
static inline int cnc_attr_off(unsigned int a) { return attroff((int)a); }
static inline int cnc_mvaddstr(int y, int x, const char *s) { return mvaddstr(y, x, s); }
/* newterm rather than initscr, so a terminal that cannot be set up is an error to report, not an exit(). */
static inline SCREEN *cnc_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
static inline int cnc_wget_wch(WINDOW *win, wint_t *out) { return wget_wch(win, out); }
static inline void cnc_timeout(int milliseconds) { timeout(milliseconds); }
static inline int cnc_key_btab(void) { return KEY_BTAB; }
static inline int cnc_key_enter(void) { return KEY_ENTER; }
static inline int cnc_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cnc_ok(void) { return OK; }
static inline int cnc_has_colors(void) { return has_colors() ? 1 : 0; }
static inline int cnc_start_color(void) { return start_color(); }
static inline int cnc_use_default_colors(void) { return use_default_colors(); }
static inline int cnc_init_pair(short pair, short foreground, short background) {
    return init_pair(pair, foreground, background);
}
static inline short cnc_color_red(void) { return COLOR_RED; }
static inline short cnc_color_green(void) { return COLOR_GREEN; }
static inline short cnc_color_yellow(void) { return COLOR_YELLOW; }
static inline short cnc_color_cyan(void) { return COLOR_CYAN; }
static inline int cnc_attrset(unsigned int a) { return attrset((int)a); }
static inline int cnc_mvaddnwstr(int y, int x, const wchar_t *s, int n) { return mvaddnwstr(y, x, s, n); }
static inline int cnc_mvaddwstr(int y, int x, const wchar_t *s) { return mvaddwstr(y, x, s); }
static inline int cnc_move(int y, int x) { return move(y, x); }
static inline int cnc_clrtoeol(void) { return clrtoeol(); }
static inline int cnc_erase(void) { return erase(); }
static inline int cnc_clearok(int on) { return clearok(stdscr, on ? TRUE : FALSE); }
static inline int cnc_refresh(void) { return refresh(); }
static inline int cnc_keypad(int on) { return keypad(stdscr, on ? TRUE : FALSE); }
static inline int cnc_getmaxy(void) { return getmaxy(stdscr); }
static inline int cnc_getmaxx(void) { return getmaxx(stdscr); }
#endif
