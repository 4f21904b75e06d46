#ifndef KOPS_SHIMS_H
#define KOPS_SHIMS_H

#include <curl/curl.h>
#include <stddef.h>

/* libcurl, opened with dlopen at the first request (kops_curl.c says why). kops_curl_load loads and
   initialises it once; it returns NULL when ready, or one line saying why not. Every other kops_curl_
   function may be called only after it returned NULL. */
const char *kops_curl_load(void);
/* 1 when libcurl is opened with RTLD_DEEPBIND (glibc, no sanitizer), else 0. */
int kops_curl_deep_bound(void);

CURL *kops_curl_easy_init(void);
void kops_curl_easy_cleanup(CURL *handle);
void kops_curl_easy_reset(CURL *handle);
CURLcode kops_curl_easy_perform(CURL *handle);
const char *kops_curl_easy_strerror(CURLcode code);
struct curl_slist *kops_curl_slist_append(struct curl_slist *list, const char *line);
void kops_curl_slist_free_all(struct curl_slist *list);
CURLM *kops_curl_multi_init(void);
CURLMcode kops_curl_multi_cleanup(CURLM *multi);
CURLMcode kops_curl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode kops_curl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode kops_curl_multi_perform(CURLM *multi, int *running);
/* curl_multi_poll with no extra descriptors. */
CURLMcode kops_curl_multi_poll(CURLM *multi, int timeout_ms);
CURLMsg *kops_curl_multi_info_read(CURLM *multi, int *remaining);
CURLSH *kops_curl_share_init(void);
CURLSHcode kops_curl_share_cleanup(CURLSH *share);

/* Typed wrappers for libcurl's variadic functions, which Swift cannot call. */
typedef size_t (*kops_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);

CURLcode kops_curl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode kops_curl_setopt_str(CURL *handle, CURLoption option, const char *value);
CURLcode kops_curl_setopt_ptr(CURL *handle, CURLoption option, void *value);
CURLcode kops_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode kops_curl_setopt_datacb(CURL *handle, CURLoption option, kops_curl_data_cb callback);
CURLcode kops_curl_getinfo_long(CURL *handle, CURLINFO info, long *out);
CURLcode kops_curl_getinfo_double(CURL *handle, CURLINFO info, double *out);
CURLcode kops_curl_getinfo_str(CURL *handle, CURLINFO info, const char **out);
/* A CURLINFO_*_T value (curl_off_t), such as CURLINFO_CONTENT_LENGTH_DOWNLOAD_T; -1 when unknown. */
long long kops_curl_getinfo_off(CURL *handle, CURLINFO info);
CURLMcode kops_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLSHcode kops_curl_share_setopt_long(CURLSH *share, CURLSHoption option, long value);
CURLcode kops_curl_setopt_share(CURL *handle, CURLSH *share);

/* Makes a transfer on this handle abort (CURLE_ABORTED_BY_CALLBACK) once SIGINT was seen. */
CURLcode kops_curl_abort_on_sigint(CURL *handle);

/* SIGINT: a sigaction handler without SA_RESTART that only sets a flag. */
void kops_sigint_install(void);
int kops_sigint_pending(void);
/* How many times SIGINT came since kops_sigint_install (take and clear do not reset it). */
int kops_sigint_presses(void);
int kops_sigint_take(void);
void kops_sigint_clear(void);
/* Raises the flag as Ctrl-C would, without counting a press: kops itself stops the command in progress. */
void kops_sigint_stop(void);

/* SIGTERM and SIGHUP while a command holds something to undo (listen --register's webhook): they set the SIGINT
   flag (so the command stops as on Ctrl-C) and are remembered; release restores the previous handlers and returns
   the signal that came (0 if none). A signal the parent ignores (nohup) stays ignored. */
void kops_termination_hold(void);
int kops_termination_release(void);
/* The signal that came while held (0 if none), kept for release. */
int kops_termination_received(void);

/* SIGTERM, SIGHUP and SIGPIPE while a transcript block is open: the handler appends `closing` to the file at `path`
   (after a newline when the file does not end in one) with async-signal-safe calls only, then ends kops by that
   signal as it would have. Install puts the handler on each of them that still has its default action (one the
   parent ignores, nohup, stays ignored); arm names the block to close (a path or closing too long for the buffers
   arms nothing), disarm forgets it. */
void kops_transcript_guard_install(void);
void kops_transcript_guard_arm(const char *path, const char *closing);
void kops_transcript_guard_disarm(void);

/* 1 when `number`'s action is now to ignore it (a parent's `trap '' PIPE`, nohup), else 0. */
int kops_signal_ignored(int number);
/* Ends kops by SIGPIPE as a write to a pipe whose reader left does when nothing ignores it: through the transcript
   guard when it was installed on SIGPIPE (an open block is closed), else by the default action. For a write that
   failed with EPIPE only because kops itself ignored SIGPIPE (listen, which writes to its receiver's pipe). */
void kops_end_by_sigpipe(void);

/* libedit globals, which Swift 6 cannot touch directly. */
typedef char **(*kops_completer)(const char *text, int start, int end);
void kops_rl_setup(const char *name, kops_completer completer);
/* A byte the line editor read that is no character of the locale comes back as this private-use code point plus the
   byte (0xE080-0xE0FF); the count of such bytes since the last call, which resets it. */
#define KOPS_NOT_A_CHARACTER 0xE000
int kops_rl_take_invalid_bytes(void);
void kops_rl_use_stderr_for_output(void);
const char *kops_rl_line_buffer(void);
/* Removes the newest history entry when it is line (a line refused for a secret it holds); returns 1 if removed. */
int kops_rl_forget_last(const char *line);
char **kops_rl_completion_matches(const char *text, char **candidates, int count);
void kops_rl_set_append_character(int character);
void kops_rl_refresh_line(void);

/* libcrypto, opened with dlopen at the first signature check (kops_crypto.c). HMAC of data under key with
   "SHA256", "SHA1", "SHA512" or "MD5" into out (at least 64 bytes); returns the digest length, or 0 when libcrypto
   (or that digest) is missing or the name is another. */
unsigned int kops_hmac(const char *digest, const void *key, int key_length, const unsigned char *data, size_t length,
                       unsigned char *out);
/* SHA-256 of data into out (at least 32 bytes); returns 32, or 0 when libcrypto is missing. */
unsigned int kops_sha256(const unsigned char *data, size_t length, unsigned char *out);

/* CRYPTO_memcmp: 0 when equal, compared in constant time; -1 when libcrypto is missing. */
int kops_constant_time_compare(const void *a, const void *b, size_t length);

/* zlib, opened with dlopen at the first gzip body (kops_zlib.c). Decompresses the gzip member (RFC 1952) at the
   start of data into a buffer at *out of *out_length bytes, to free with kops_gunzip_free; returns 0, 1 when data
   is not a whole gzip member (corrupt or cut short), 2 when the result would exceed limit bytes, -1 when zlib is
   missing. */
int kops_gunzip(const unsigned char *data, size_t length, size_t limit, unsigned char **out, size_t *out_length);
void kops_gunzip_free(unsigned char *buffer);

/* Terminal facts: columns of the terminal on fd, or 0 when it is not a terminal. */
int kops_terminal_width(int fd);

#endif
