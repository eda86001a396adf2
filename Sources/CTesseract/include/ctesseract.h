#ifndef PROTOKOLL_CTESSERACT_H
#define PROTOKOLL_CTESSERACT_H

// Tesseract's C API only: its C++ headers would pull the C++ standard library into Swift.
// The header gives the types; the functions come from `protokoll_tesseract()`, which loads
// the library on first use (tesseract_loader.c says why).
#include <tesseract/capi.h>

/// The Tesseract functions protokoll calls, resolved from the loaded library.
typedef struct {
    __typeof__(&TessVersion) _Nonnull version;
    __typeof__(&TessBaseAPICreate) _Nonnull create;
    __typeof__(&TessBaseAPIDelete) _Nonnull destroy;
    __typeof__(&TessBaseAPIInit2) _Nonnull init2;
    __typeof__(&TessBaseAPIInit3) _Nonnull init3;
    __typeof__(&TessBaseAPIEnd) _Nonnull end;
    __typeof__(&TessBaseAPIClear) _Nonnull clear;
    __typeof__(&TessBaseAPISetVariable) _Nonnull setVariable;
    __typeof__(&TessBaseAPISetPageSegMode) _Nonnull setPageSegMode;
    __typeof__(&TessBaseAPISetImage) _Nonnull setImage;
    __typeof__(&TessBaseAPISetSourceResolution) _Nonnull setSourceResolution;
    __typeof__(&TessBaseAPIDetectOrientationScript) _Nonnull detectOrientationScript;
    __typeof__(&TessBaseAPIRecognize) _Nonnull recognize;
    __typeof__(&TessBaseAPIGetIterator) _Nonnull getIterator;
    __typeof__(&TessResultIteratorDelete) _Nonnull resultIteratorDelete;
    __typeof__(&TessResultIteratorNext) _Nonnull resultIteratorNext;
    __typeof__(&TessResultIteratorGetPageIterator) _Nonnull resultIteratorGetPageIterator;
    __typeof__(&TessResultIteratorGetUTF8Text) _Nonnull resultIteratorGetUTF8Text;
    __typeof__(&TessResultIteratorConfidence) _Nonnull resultIteratorConfidence;
    __typeof__(&TessPageIteratorIsAtBeginningOf) _Nonnull pageIteratorIsAtBeginningOf;
    __typeof__(&TessPageIteratorBoundingBox) _Nonnull pageIteratorBoundingBox;
    __typeof__(&TessDeleteText) _Nonnull deleteText;
    __typeof__(&TessMonitorCreate) _Nonnull monitorCreate;
    __typeof__(&TessMonitorDelete) _Nonnull monitorDelete;
    __typeof__(&TessMonitorSetDeadlineMSecs) _Nonnull monitorSetDeadlineMSecs;
} ProtokollTesseract;

/// Loads libtesseract on the first call and returns its functions; later calls return the
/// same table. `NULL` when the library or one of the functions is missing: `*error` (may be
/// `NULL`) then points to the loader's message, which stays valid.
const ProtokollTesseract *_Nullable protokoll_tesseract(const char *_Nullable *_Nullable error);

#endif
