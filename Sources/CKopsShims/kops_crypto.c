#include "kops_shims.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

/* libcrypto is opened with dlopen at the first signature check, not linked: it is relocated eagerly
   (BIND_NOW), which cost every start of kops ~4.7 M instructions (docs/performance.md). Declared here
   without OpenSSL's headers: only these five functions are used. */

static struct {
    unsigned char *(*hmac)(const void *md, const void *key, int key_len, const unsigned char *d, size_t n,
                           unsigned char *out, unsigned int *out_len);
    const void *(*sha256)(void);
    const void *(*sha1)(void);
    const void *(*sha512)(void); /* optional: only to name a SHA-512 or MD5 value pasted by mistake */
    const void *(*md5)(void);
    int (*memcmp)(const void *a, const void *b, size_t len);
    int (*digest)(const void *data, size_t count, unsigned char *md, unsigned int *size, const void *type, void *engine);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;

static void load(void) {
#ifdef __APPLE__
    const char *names[] = {"libcrypto.3.dylib", "libcrypto.dylib"};
#else
    const char *names[] = {"libcrypto.so.3", "libcrypto.so"};
#endif
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_LAZY | RTLD_LOCAL);
    }
    if (library == NULL) return;
    *(void **)&api.hmac = dlsym(library, "HMAC");
    *(void **)&api.sha256 = dlsym(library, "EVP_sha256");
    *(void **)&api.sha1 = dlsym(library, "EVP_sha1");
    *(void **)&api.sha512 = dlsym(library, "EVP_sha512");
    *(void **)&api.md5 = dlsym(library, "EVP_md5");
    *(void **)&api.memcmp = dlsym(library, "CRYPTO_memcmp");
    *(void **)&api.digest = dlsym(library, "EVP_Digest");
    loaded = api.hmac && api.sha256 && api.sha1 && api.memcmp && api.digest;
}

unsigned int kops_hmac(const char *digest, const void *key, int key_length, const unsigned char *data, size_t length,
                       unsigned char *out) {
    pthread_once(&load_once, load);
    if (!loaded) return 0;
    const void *md = NULL;
    if (strcmp(digest, "SHA1") == 0) md = api.sha1();
    else if (strcmp(digest, "SHA256") == 0) md = api.sha256();
    else if (strcmp(digest, "SHA512") == 0 && api.sha512) md = api.sha512();
    else if (strcmp(digest, "MD5") == 0 && api.md5) md = api.md5();
    if (md == NULL) return 0;
    unsigned int out_length = 0;
    if (api.hmac(md, key, key_length, data, length, out, &out_length) == NULL) return 0;
    return out_length;
}

int kops_constant_time_compare(const void *a, const void *b, size_t length) {
    pthread_once(&load_once, load);
    if (!loaded) return -1;
    return api.memcmp(a, b, length) == 0 ? 0 : 1;
}

unsigned int kops_sha256(const unsigned char *data, size_t length, unsigned char *out) {
    pthread_once(&load_once, load);
    if (!loaded) return 0;
    unsigned int out_length = 0;
    if (api.digest(data, length, out, &out_length, api.sha256(), NULL) != 1) return 0;
    return out_length;
}
