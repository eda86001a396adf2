// Loads libtesseract when the first scanned page needs it, instead of at every start.
//
// Why: libtesseract brings about forty libraries (curl, TLS, Kerberos, LDAP, libarchive,
// leptonica, OpenMP), and the dynamic loader spends about 10 ms of CPU per process start
// binding them, although most runs never OCR a page. Loading late also lets
// protokoll-extract set OMP_THREAD_LIMIT in its own environment before OpenMP reads it,
// once, as it loads.
#include "ctesseract.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

static ProtokollTesseract table;
static const ProtokollTesseract *loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int resolve(void *library, const char *name, void **slot) {
    *slot = dlsym(library, name);
    if (*slot == NULL) {
        snprintf(failure, sizeof failure, "libtesseract has no function %s", name);
        return 0;
    }
    return 1;
}

#define RESOLVE(field, name) resolve(library, #name, (void **)&table.field)

static void load(void) {
    const char *names[] = {"libtesseract.so.5", "libtesseract.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(failure, sizeof failure, "cannot load libtesseract (install libtesseract5): %s",
                 reason ? reason : "no reason given");
        return;
    }
    int ok = RESOLVE(version, TessVersion) && RESOLVE(create, TessBaseAPICreate)
        && RESOLVE(destroy, TessBaseAPIDelete) && RESOLVE(init2, TessBaseAPIInit2)
        && RESOLVE(init3, TessBaseAPIInit3) && RESOLVE(end, TessBaseAPIEnd)
        && RESOLVE(clear, TessBaseAPIClear) && RESOLVE(setVariable, TessBaseAPISetVariable)
        && RESOLVE(setPageSegMode, TessBaseAPISetPageSegMode) && RESOLVE(setImage, TessBaseAPISetImage)
        && RESOLVE(setSourceResolution, TessBaseAPISetSourceResolution)
        && RESOLVE(detectOrientationScript, TessBaseAPIDetectOrientationScript)
        && RESOLVE(recognize, TessBaseAPIRecognize) && RESOLVE(getIterator, TessBaseAPIGetIterator)
        && RESOLVE(resultIteratorDelete, TessResultIteratorDelete)
        && RESOLVE(resultIteratorNext, TessResultIteratorNext)
        && RESOLVE(resultIteratorGetPageIterator, TessResultIteratorGetPageIterator)
        && RESOLVE(resultIteratorGetUTF8Text, TessResultIteratorGetUTF8Text)
        && RESOLVE(resultIteratorConfidence, TessResultIteratorConfidence)
        && RESOLVE(pageIteratorIsAtBeginningOf, TessPageIteratorIsAtBeginningOf)
        && RESOLVE(pageIteratorBoundingBox, TessPageIteratorBoundingBox)
        && RESOLVE(deleteText, TessDeleteText) && RESOLVE(monitorCreate, TessMonitorCreate)
        && RESOLVE(monitorDelete, TessMonitorDelete)
        && RESOLVE(monitorSetDeadlineMSecs, TessMonitorSetDeadlineMSecs);
    if (ok) {
        loaded = &table;
    }
    // On failure the library stays open: unloading a library that started threads is unsafe.
}

const ProtokollTesseract *protokoll_tesseract(const char **error) {
    pthread_once(&once, load);
    if (loaded == NULL && error != NULL) {
        *error = failure;
    }
    return loaded;
}
