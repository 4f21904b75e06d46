#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* RTLD_DEEPBIND */
#endif
#include "kops_shims.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/* libcurl is opened with dlopen at the first request, not linked: linking it makes every start of kops
   (even `kops --version`) load and relocate libcurl and its ~30 dependencies (OpenSSL, GnuTLS, Kerberos,
   LDAP, ...), which was most of the start-up cost (docs/performance.md). */

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int, int, int *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    CURLSH *(*share_init)(void);
    CURLSHcode (*share_cleanup)(CURLSH *);
    CURLSHcode (*share_setopt)(CURLSH *, CURLSHoption, ...);
} api;

/* RTLD_DEEPBIND: libcurl and its ~30 libraries look up their symbols among themselves first, then in kops's global
   scope. Without it every one of their symbol relocations first tries each library kops was linked with (the Swift
   runtime, Foundation, ...): 21.1 M instructions for the dlopen, 11.8 M with it (callgrind; docs/performance.md,
   session 7). Nothing in them is meant to bind to kops's own definitions (kops has no copy relocations, and it never
   frees what libcurl allocates). Sanitizer runtimes interpose on libc and refuse RTLD_DEEPBIND, so those builds
   (scripts/fuzz) do without it. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define KOPS_SANITIZED 1
#endif
#endif
#if defined(RTLD_DEEPBIND) && !defined(KOPS_SANITIZED)
#define KOPS_DLOPEN_FLAGS (RTLD_LAZY | RTLD_LOCAL | RTLD_DEEPBIND)
#else
#define KOPS_DLOPEN_FLAGS (RTLD_LAZY | RTLD_LOCAL)
#endif

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static char load_error[256] = "";

static void load(void) {
#ifdef __APPLE__
    const char *names[] = {"libcurl.4.dylib", "libcurl.dylib"};
#else
    const char *names[] = {"libcurl.so.4", "libcurl.so"};
#endif
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], KOPS_DLOPEN_FLAGS);
    }
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "libcurl could not be loaded (%s); install libcurl4",
                 reason ? reason : names[0]);
        return;
    }
#define KOPS_LOAD(field, symbol)                                                                              \
    if ((*(void **)&api.field = dlsym(library, symbol)) == NULL) {                                              \
        snprintf(load_error, sizeof load_error, "libcurl has no %s; install libcurl 7.66 or later", symbol);   \
        return;                                                                                                \
    }
    KOPS_LOAD(global_init, "curl_global_init")
    KOPS_LOAD(easy_init, "curl_easy_init")
    KOPS_LOAD(easy_cleanup, "curl_easy_cleanup")
    KOPS_LOAD(easy_reset, "curl_easy_reset")
    KOPS_LOAD(easy_perform, "curl_easy_perform")
    KOPS_LOAD(easy_strerror, "curl_easy_strerror")
    KOPS_LOAD(easy_setopt, "curl_easy_setopt")
    KOPS_LOAD(easy_getinfo, "curl_easy_getinfo")
    KOPS_LOAD(slist_append, "curl_slist_append")
    KOPS_LOAD(slist_free_all, "curl_slist_free_all")
    KOPS_LOAD(multi_init, "curl_multi_init")
    KOPS_LOAD(multi_cleanup, "curl_multi_cleanup")
    KOPS_LOAD(multi_add_handle, "curl_multi_add_handle")
    KOPS_LOAD(multi_remove_handle, "curl_multi_remove_handle")
    KOPS_LOAD(multi_perform, "curl_multi_perform")
    KOPS_LOAD(multi_poll, "curl_multi_poll")
    KOPS_LOAD(multi_info_read, "curl_multi_info_read")
    KOPS_LOAD(multi_setopt, "curl_multi_setopt")
    KOPS_LOAD(share_init, "curl_share_init")
    KOPS_LOAD(share_cleanup, "curl_share_cleanup")
    KOPS_LOAD(share_setopt, "curl_share_setopt")
#undef KOPS_LOAD
    if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "libcurl could not be initialised (curl_global_init failed)");
        return;
    }
    loaded = 1;
}

int kops_curl_deep_bound(void) {
#if defined(RTLD_DEEPBIND) && !defined(KOPS_SANITIZED)
    return 1;
#else
    return 0;
#endif
}

const char *kops_curl_load(void) {
    pthread_once(&load_once, load);
    return loaded ? NULL : load_error;
}

CURL *kops_curl_easy_init(void) { return api.easy_init(); }
void kops_curl_easy_cleanup(CURL *h) { api.easy_cleanup(h); }
void kops_curl_easy_reset(CURL *h) { api.easy_reset(h); }
CURLcode kops_curl_easy_perform(CURL *h) { return api.easy_perform(h); }
const char *kops_curl_easy_strerror(CURLcode code) { return api.easy_strerror(code); }
struct curl_slist *kops_curl_slist_append(struct curl_slist *list, const char *line) { return api.slist_append(list, line); }
void kops_curl_slist_free_all(struct curl_slist *list) { api.slist_free_all(list); }
CURLM *kops_curl_multi_init(void) { return api.multi_init(); }
CURLMcode kops_curl_multi_cleanup(CURLM *m) { return api.multi_cleanup(m); }
CURLMcode kops_curl_multi_add_handle(CURLM *m, CURL *h) { return api.multi_add_handle(m, h); }
CURLMcode kops_curl_multi_remove_handle(CURLM *m, CURL *h) { return api.multi_remove_handle(m, h); }
CURLMcode kops_curl_multi_perform(CURLM *m, int *running) { return api.multi_perform(m, running); }
CURLMcode kops_curl_multi_poll(CURLM *m, int timeout_ms) { return api.multi_poll(m, NULL, 0, timeout_ms, NULL); }
CURLMsg *kops_curl_multi_info_read(CURLM *m, int *remaining) { return api.multi_info_read(m, remaining); }
CURLSH *kops_curl_share_init(void) { return api.share_init(); }
CURLSHcode kops_curl_share_cleanup(CURLSH *s) { return api.share_cleanup(s); }

CURLcode kops_curl_setopt_long(CURL *h, CURLoption o, long v) { return api.easy_setopt(h, o, v); }
CURLcode kops_curl_setopt_str(CURL *h, CURLoption o, const char *v) { return api.easy_setopt(h, o, v); }
CURLcode kops_curl_setopt_ptr(CURL *h, CURLoption o, void *v) { return api.easy_setopt(h, o, v); }
CURLcode kops_curl_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return api.easy_setopt(h, o, v); }
CURLcode kops_curl_setopt_datacb(CURL *h, CURLoption o, kops_curl_data_cb cb) { return api.easy_setopt(h, o, cb); }
CURLcode kops_curl_getinfo_long(CURL *h, CURLINFO i, long *out) { return api.easy_getinfo(h, i, out); }
CURLcode kops_curl_getinfo_double(CURL *h, CURLINFO i, double *out) { return api.easy_getinfo(h, i, out); }
CURLcode kops_curl_getinfo_str(CURL *h, CURLINFO i, const char **out) { return api.easy_getinfo(h, i, out); }
long long kops_curl_getinfo_off(CURL *h, CURLINFO i) {
    curl_off_t value = -1;
    return api.easy_getinfo(h, i, &value) == CURLE_OK ? (long long)value : -1;
}
CURLMcode kops_curl_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return api.multi_setopt(m, o, v); }
CURLSHcode kops_curl_share_setopt_long(CURLSH *s, CURLSHoption o, long v) { return api.share_setopt(s, o, v); }
CURLcode kops_curl_setopt_share(CURL *h, CURLSH *s) { return api.easy_setopt(h, CURLOPT_SHARE, s); }

static int abort_if_interrupted(void *p, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un) {
    (void)p; (void)dt; (void)dn; (void)ut; (void)un;
    return kops_sigint_pending();
}

CURLcode kops_curl_abort_on_sigint(CURL *h) {
    api.easy_setopt(h, CURLOPT_XFERINFOFUNCTION, abort_if_interrupted);
    return api.easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
}
