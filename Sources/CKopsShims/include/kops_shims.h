#ifndef KOPS_SHIMS_H
#define KOPS_SHIMS_H

#include <curl/curl.h>
#include <stddef.h>

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
CURLMcode kops_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLSHcode kops_curl_share_setopt_long(CURLSH *share, CURLSHoption option, long value);
CURLcode kops_curl_setopt_share(CURL *handle, CURLSH *share);

/* Makes a transfer on this handle abort (CURLE_ABORTED_BY_CALLBACK) once SIGINT was seen. */
CURLcode kops_curl_abort_on_sigint(CURL *handle);

/* SIGINT: a sigaction handler without SA_RESTART that only sets a flag. */
void kops_sigint_install(void);
int kops_sigint_pending(void);
int kops_sigint_take(void);
void kops_sigint_clear(void);

/* libedit globals, which Swift 6 cannot touch directly. */
typedef char **(*kops_completer)(const char *text, int start, int end);
void kops_rl_setup(const char *name, kops_completer completer);
void kops_rl_use_stderr_for_output(void);
const char *kops_rl_line_buffer(void);
char **kops_rl_completion_matches(const char *text, char **candidates, int count);
void kops_rl_set_append_character(int character);
void kops_rl_refresh_line(void);

/* Terminal facts: columns of the terminal on fd, or 0 when it is not a terminal. */
int kops_terminal_width(int fd);

#endif
