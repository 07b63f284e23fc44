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
#endif
