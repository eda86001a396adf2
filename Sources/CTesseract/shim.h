#ifndef PROTOKOLL_CTESSERACT_SHIM_H
#define PROTOKOLL_CTESSERACT_SHIM_H

// Tesseract's C API only: its C++ headers would pull the C++ standard library into Swift.
#include <tesseract/capi.h>

/// Recognises the image set on `handle`, stopping after `milliseconds` (0: no limit), and
/// returns Tesseract's status (0 when it ran to the end). The monitor lives and dies here, so
/// Swift never handles an ETEXT_DESC. Tesseract checks the deadline between words and keeps
/// what it has read so far, so a page that runs over ends with a partial result, not a hang;
/// Tesseract does not say whether the deadline passed, so the caller compares its own clock.
static inline int protokoll_tess_recognize(TessBaseAPI *handle, int milliseconds) {
    ETEXT_DESC *monitor = TessMonitorCreate();
    if (milliseconds > 0) {
        TessMonitorSetDeadlineMSecs(monitor, milliseconds);
    }
    int status = TessBaseAPIRecognize(handle, monitor);
    TessMonitorDelete(monitor);
    return status;
}

#endif
