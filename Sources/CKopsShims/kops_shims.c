#include "kops_shims.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <editline/readline.h>
#include <sys/ioctl.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include <wchar.h>

static volatile sig_atomic_t sigint_flag = 0;
/* Presses since kops started: the flag is spent by the request it stopped, the count stays. Only the handler writes it. */
static volatile sig_atomic_t sigint_presses = 0;

static void on_sigint(int signal) {
    (void)signal;
    sigint_flag = 1;
    sigint_presses++;
}

void kops_sigint_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: blocking reads and poll() return EINTR */
    sigaction(SIGINT, &action, NULL);
    /* A parent may start kops with SIGINT blocked (some process launchers do); Ctrl-C must still reach it. */
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    sigprocmask(SIG_UNBLOCK, &interrupt, NULL);
}

int kops_sigint_pending(void) { return sigint_flag != 0; }

int kops_sigint_presses(void) { return sigint_presses; }

int kops_sigint_take(void) {
    int value = sigint_flag;
    sigint_flag = 0;
    return value;
}

void kops_sigint_clear(void) { sigint_flag = 0; }

void kops_sigint_stop(void) { sigint_flag = 1; }

static volatile sig_atomic_t termination_signal = 0;
static struct sigaction saved_term, saved_hup;
static int held_term = 0, held_hup = 0;

static void on_termination(int signal) {
    termination_signal = signal;
    sigint_flag = 1;
}

static int hold(int signal, struct sigaction *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_termination;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(signal, NULL, saved) != 0 || saved->sa_handler == SIG_IGN) return 0;
    return sigaction(signal, &action, NULL) == 0;
}

void kops_termination_hold(void) {
    termination_signal = 0;
    held_term = hold(SIGTERM, &saved_term);
    held_hup = hold(SIGHUP, &saved_hup);
}

int kops_termination_release(void) {
    if (held_term) sigaction(SIGTERM, &saved_term, NULL);
    if (held_hup) sigaction(SIGHUP, &saved_hup, NULL);
    held_term = held_hup = 0;
    int signal = termination_signal;
    termination_signal = 0;
    return signal;
}

int kops_termination_received(void) { return termination_signal; }

static char guard_path[4096];
static char guard_closing[1024];
static volatile sig_atomic_t guard_armed = 0;

static void on_transcript_termination(int number) {
    if (guard_armed) {
        guard_armed = 0;
        int descriptor = open(guard_path, O_RDWR | O_APPEND | O_CLOEXEC);
        if (descriptor >= 0) {
            struct stat info;
            char last = '\n';
            if (fstat(descriptor, &info) == 0 && info.st_size > 0) (void)pread(descriptor, &last, 1, info.st_size - 1);
            if (last != '\n') (void)write(descriptor, "\n", 1);
            size_t length = strlen(guard_closing), offset = 0;
            while (offset < length) {
                ssize_t written = write(descriptor, guard_closing + offset, length - offset);
                if (written <= 0) break;
                offset += (size_t)written;
            }
            close(descriptor);
        }
    }
    /* Blocked while this handler runs, the signal raised again ends kops by its default action once it returns. */
    signal(number, SIG_DFL);
    raise(number);
}

/* Whether SIGPIPE's own action is the guard's (installed over a default action), so ending by it closes the block. */
static int sigpipe_guarded = 0;

void kops_transcript_guard_install(void) {
    int signals[] = {SIGTERM, SIGHUP, SIGPIPE};
    for (size_t index = 0; index < sizeof signals / sizeof signals[0]; index++) {
        struct sigaction current;
        if (sigaction(signals[index], NULL, &current) != 0 || current.sa_handler != SIG_DFL) continue;
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_transcript_termination;
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0;
        if (sigaction(signals[index], &action, NULL) == 0 && signals[index] == SIGPIPE) sigpipe_guarded = 1;
    }
}

int kops_signal_ignored(int number) {
    struct sigaction current;
    return sigaction(number, NULL, &current) == 0 && current.sa_handler == SIG_IGN;
}

void kops_end_by_sigpipe(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = sigpipe_guarded ? on_transcript_termination : SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(SIGPIPE, &action, NULL);
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    sigprocmask(SIG_UNBLOCK, &pipe_only, NULL);
    raise(SIGPIPE);
}

void kops_transcript_guard_arm(const char *path, const char *closing) {
    guard_armed = 0;
    if (strlen(path) >= sizeof guard_path || strlen(closing) >= sizeof guard_closing) return;
    strcpy(guard_path, path);
    strcpy(guard_closing, closing);
    guard_armed = 1;
}

void kops_transcript_guard_disarm(void) { guard_armed = 0; }

static kops_completer swift_completer = NULL;

static char **complete(const char *text, int start, int end) {
    rl_attempted_completion_over = 1; /* never fall back to file names unless Swift returns them */
    if (swift_completer == NULL) return NULL;
    return swift_completer(text, start, end);
}

/* Bytes read past a character that turned out not to be one: read again first, in order. */
static unsigned char held_bytes[MB_LEN_MAX];
static int held_count = 0;
/* Bytes that were not a character of the locale since kops_rl_take_invalid_bytes last asked. */
static int invalid_bytes = 0;

static int read_byte(FILE *stream, unsigned char *byte) {
    if (held_count > 0) {
        *byte = held_bytes[0];
        memmove(held_bytes, held_bytes + 1, (size_t)--held_count);
        return 1;
    }
    for (;;) {
        ssize_t count = read(fileno(stream), byte, 1);
        if (count == 1) return 1;
        /* A resize interrupts the read and is handled by libedit; Ctrl-C ends it, as libedit's own reader does. */
        if (count < 0 && errno == EINTR && !sigint_flag) continue;
        return 0;
    }
}

/* libedit's reader, but a byte that is not a character of the locale (a Latin-1 0xE1 under UTF-8) is not dropped
   without a word, as libedit drops it: it comes back as KOPS_NOT_A_CHARACTER + the byte, a private-use character,
   and is counted, so the shell names it (probe27 P27-6). */
static int read_character(FILE *stream) {
    unsigned char bytes[MB_LEN_MAX];
    size_t count = 0;
    for (;;) {
        if (!read_byte(stream, &bytes[count])) return -1;
        count++;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        wchar_t character;
        size_t used = mbrtowc(&character, (const char *)bytes, count, &state);
        if (used == (size_t)-2 && count < MB_LEN_MAX) continue;
        if (used == (size_t)-1 || used == (size_t)-2) {
            /* The first byte is no character's start: the ones after it are read again. */
            memmove(held_bytes + (count - 1), held_bytes, (size_t)held_count);
            memcpy(held_bytes, bytes + 1, count - 1);
            held_count += (int)(count - 1);
            invalid_bytes++;
            return KOPS_NOT_A_CHARACTER + bytes[0];
        }
        return used == 0 ? 0 : (int)character;
    }
}

int kops_rl_take_invalid_bytes(void) {
    int count = invalid_bytes;
    invalid_bytes = 0;
    return count;
}

void kops_rl_setup(const char *name, kops_completer completer) {
    rl_readline_name = name;
    swift_completer = completer;
    rl_attempted_completion_function = complete;
    /* Read before rl_initialize (using_history), which installs it. */
    rl_getc_function = read_character;
}

void kops_rl_use_stderr_for_output(void) { rl_outstream = stderr; }

const char *kops_rl_line_buffer(void) { return rl_line_buffer; }

int kops_rl_forget_last(const char *line) {
    if (history_length <= 0) return 0;
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    if (entry == NULL || entry->line == NULL || strcmp(entry->line, line) != 0) return 0;
    HIST_ENTRY *removed = remove_history(history_length - 1);
    if (removed == NULL) return 0;
    free_history_entry(removed);
    return 1;
}

static char **pending_candidates = NULL;
static int pending_count = 0;
static int pending_index = 0;

static char *next_candidate(const char *text, int state) {
    (void)text;
    if (state == 0) pending_index = 0;
    if (pending_index >= pending_count) return NULL;
    return strdup(pending_candidates[pending_index++]);
}

char **kops_rl_completion_matches(const char *text, char **candidates, int count) {
    pending_candidates = candidates;
    pending_count = count;
    char **matches = rl_completion_matches(text, next_candidate);
    pending_candidates = NULL;
    pending_count = 0;
    return matches;
}

void kops_rl_set_append_character(int character) { rl_completion_append_character = character; }

void kops_rl_refresh_line(void) { rl_forced_update_display(); }

int kops_terminal_width(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}
