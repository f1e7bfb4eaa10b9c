#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* Must come before any system header: makes curses.h declare the wide API
   (cchar_t, setcchar, mvwaddnwstr, wget_wch, ...). SwiftPM drops the -D flags
   from `pkg-config --cflags ncursesw`, so they have to live here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Everything here is a stateless static inline wrapper. A system-library module has
   no C translation unit, so every Swift object file that calls one of these gets its
   own copy; a static variable in this header would silently exist once per file. */

/* ---- globals: Swift 6 rejects reading C mutable globals (stdscr, LINES, stdout) ---- */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cn_stdout(void) { return stdout; }
static inline FILE *cn_stdin(void) { return stdin; }

/* ---- functions that are macros, or that Swift should not have to spell ---- */
static inline int cn_set_escdelay(int ms) { return set_escdelay(ms); }
static inline int cn_use_default_colors(void) { return use_default_colors(); }
static inline int cn_define_key(const char *definition, int keycode) {
  return define_key(definition, keycode);
}
/* The terminfo name of a key code ("KEY_UP", "^C"), or NULL; for diagnostics. */
static inline const char *cn_keyname(int keycode) { return keyname(keycode); }
/* Whether the current terminal can move the cursor anywhere ("cup"); without it (TERM=dumb,
   printing terminals) curses can only print lines one after another. */
static inline int cn_has_cursor_addressing(void) {
  const char *cup = tigetstr("cup");
  return cup != NULL && cup != (const char *)-1;
}
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline void cn_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline void cn_getyx(WINDOW *w, int *y, int *x) { getyx(w, *y, *x); }

/* ---- mouse: the masks are macros built with casts ---- */
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t cn_button5_pressed(void) { return 0; }
#endif
/* Presses of the first button and wheel turns, reported at once (no click
   resolution, which would hold every click back); 0 stops the reports. Returns
   whether the terminal reports any. */
static inline int cn_enable_mouse(int on) {
  mouseinterval(0);
  mmask_t wanted = on ? (cn_button1_pressed() | cn_button4_pressed() | cn_button5_pressed()) : 0;
  return mousemask(wanted, NULL) != 0;
}
/* The mouse event behind a KEY_MOUSE: its cell and button state; 0 if none. */
static inline int cn_get_mouse(int *x, int *y, mmask_t *state) {
  MEVENT event;
  if (getmouse(&event) != OK) return 0;
  *x = event.x;
  *y = event.y;
  *state = event.bstate;
  return 1;
}

/* ---- attributes: NCURSES_BITS(...) uses casts, so the macros don't import ---- */
static inline attr_t cn_a_normal(void)    { return A_NORMAL; }
static inline attr_t cn_a_bold(void)      { return A_BOLD; }
static inline attr_t cn_a_dim(void)       { return A_DIM; }
static inline attr_t cn_a_reverse(void)   { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_attributes(void) { return A_ATTRIBUTES; }
static inline attr_t cn_a_color(void)     { return A_COLOR; }

/* ---- locale: CODESET is an nl_item enum constant that Swift's Glibc may not show ---- */
static inline int cn_codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL
    && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* ---- wcwidth from glibc (locale-dependent!). Swift's Glibc module does not
   declare it (glibc hides it without _XOPEN_SOURCE), so wrap it here. ---- */
static inline int cn_wcwidth(unsigned int cp) { return wcwidth((wchar_t)cp); }

/* ---- signals: sigaction's handler lives in a union whose Swift name is unstable ---- */
static inline int cn_catch_signal(int signo, void (*handler)(int), struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  /* No SA_RESTART: a signal should cut ncurses' wait for input short. */
  action.sa_flags = 0;
  return sigaction(signo, &action, previous);
}
static inline int cn_current_signal_action(int signo, struct sigaction *current) {
  return sigaction(signo, NULL, current);
}
static inline int cn_restore_signal(int signo, const struct sigaction *previous) {
  return sigaction(signo, previous, NULL);
}

/* ---- lock-free atomics on memory Swift owns, usable from a signal handler ---- */
static inline void cn_atomic_or(unsigned int *word, unsigned int bits) {
  __atomic_fetch_or(word, bits, __ATOMIC_SEQ_CST);
}
static inline void cn_atomic_and(unsigned int *word, unsigned int bits) {
  __atomic_fetch_and(word, bits, __ATOMIC_SEQ_CST);
}
static inline unsigned int cn_atomic_load(unsigned int *word) {
  return __atomic_load_n(word, __ATOMIC_SEQ_CST);
}

#endif
