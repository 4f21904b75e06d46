#include "kops_shims.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

/* zlib is opened with dlopen at the first gzip body, not linked, as libcurl and libcrypto are (kops_curl.c,
   kops_crypto.c): libcurl depends on it, so it is on every machine kops runs on, and commands that meet no gzip
   body never load it. Declared here without zlib.h (zlib1g-dev is not a dependency of libcurl's headers): the
   z_stream layout of zlib.h, unchanged since zlib 1.0; inflateInit2_ refuses a stream of another size. */

typedef struct {
    const unsigned char *next_in;
    unsigned int avail_in;
    unsigned long total_in;
    unsigned char *next_out;
    unsigned int avail_out;
    unsigned long total_out;
    const char *msg;
    void *state;
    void *(*zalloc)(void *opaque, unsigned int items, unsigned int size);
    void (*zfree)(void *opaque, void *address);
    void *opaque;
    int data_type;
    unsigned long adler;
    unsigned long reserved;
} kops_z_stream;

enum { Z_OK = 0, Z_STREAM_END = 1, Z_NO_FLUSH = 0 };

static struct {
    const char *(*version)(void);
    int (*init)(kops_z_stream *stream, int window_bits, const char *version, int stream_size);
    int (*inflate)(kops_z_stream *stream, int flush);
    int (*end)(kops_z_stream *stream);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;

static void load(void) {
#ifdef __APPLE__
    const char *names[] = {"libz.1.dylib", "libz.dylib"};
#else
    const char *names[] = {"libz.so.1", "libz.so"};
#endif
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_LAZY | RTLD_LOCAL);
    }
    if (library == NULL) return;
    *(void **)&api.version = dlsym(library, "zlibVersion");
    *(void **)&api.init = dlsym(library, "inflateInit2_");
    *(void **)&api.inflate = dlsym(library, "inflate");
    *(void **)&api.end = dlsym(library, "inflateEnd");
    loaded = api.version && api.init && api.inflate && api.end;
}

int kops_gunzip(const unsigned char *data, size_t length, size_t limit, unsigned char **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    pthread_once(&load_once, load);
    if (!loaded) return -1;
    kops_z_stream stream = {0};
    /* 16 + 15: a gzip wrapper (RFC 1952) around a deflate stream with the largest window. */
    if (api.init(&stream, 16 + 15, api.version(), (int)sizeof stream) != Z_OK) return -1;
    size_t capacity = length < 1024 ? 4096 : length * 4;
    if (capacity > limit) capacity = limit;
    unsigned char *buffer = malloc(capacity);
    if (buffer == NULL) {
        api.end(&stream);
        return 2;
    }
    stream.next_in = data;
    stream.avail_in = (unsigned int)(length > 0xFFFFFFFFu ? 0xFFFFFFFFu : length);
    size_t produced = 0;
    int status = 1;
    for (;;) {
        if (produced == capacity) {
            /* The buffer grows to limit + 1 bytes at most: the one byte over is how a larger body shows. */
            if (capacity > limit) {
                status = 2;
                break;
            }
            size_t grown = capacity * 2 > limit + 1 ? limit + 1 : capacity * 2;
            unsigned char *larger = realloc(buffer, grown);
            if (larger == NULL) {
                status = 2;
                break;
            }
            buffer = larger;
            capacity = grown;
        }
        stream.next_out = buffer + produced;
        stream.avail_out = (unsigned int)(capacity - produced);
        int result = api.inflate(&stream, Z_NO_FLUSH);
        produced = (size_t)(stream.next_out - buffer);
        if (result == Z_STREAM_END) {
            status = produced > limit ? 2 : 0;
            break;
        }
        /* An error, or room left yet no more input: corrupt, or cut short. */
        if (result != Z_OK || (stream.avail_in == 0 && stream.avail_out > 0)) break;
    }
    api.end(&stream);
    if (status != 0) {
        free(buffer);
        return status;
    }
    *out = buffer;
    *out_length = produced;
    return 0;
}

void kops_gunzip_free(unsigned char *buffer) { free(buffer); }
