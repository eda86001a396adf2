// Why: poppler builds an lcms2 colour conversion for every ICC-based colour space and for a
// PDF/A output intent each time it starts drawing a page, and poppler-glib draws every page
// with a new text device, so the conversions it could share between pages are built anew on
// each. Building one samples tone curves thousands of times with pow(): on a LibreOffice
// PDF/A export that was about 120 ms a page, nearly all of the extraction (pdftotext pays
// the same). The conversion depends only on the profiles, the rendering intents, black-point
// compensation, adaptation states and flags, so lcms2's rendering-intent plugin hook, which
// every conversion goes through, is used here to build each distinct one once and copy it
// afterwards. The copies are the same conversions, so colours (and the pages drawn for OCR)
// do not change.
#include "colour_transform_cache.h"

#include <lcms2.h>
#include <lcms2_plugin.h>
#include <pthread.h>
#include <string.h>

enum { CACHE_SLOTS = 32, MAX_PROFILES = 8 };

/// One conversion and what it was built from; a profile is known by the MD5 of its content.
typedef struct {
    int used;
    cmsUInt32Number profiles, flags;
    cmsUInt8Number ids[MAX_PROFILES][16];
    cmsUInt32Number intents[MAX_PROFILES];
    cmsBool bpc[MAX_PROFILES];
    cmsFloat64Number adaptation[MAX_PROFILES];
    cmsPipeline *pipeline;
} Slot;

static Slot slots[CACHE_SLOTS];
static int next_slot;  // slots are reused in turn once all are taken
static long hits;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int installed = -1;

static int same(const Slot *s, cmsUInt32Number n, cmsUInt8Number ids[][16], const cmsUInt32Number intents[],
                const cmsBool bpc[], const cmsFloat64Number adaptation[], cmsUInt32Number flags) {
    return s->used && s->profiles == n && s->flags == flags && memcmp(s->ids, ids, n * 16) == 0 &&
           memcmp(s->intents, intents, n * sizeof *intents) == 0 && memcmp(s->bpc, bpc, n * sizeof *bpc) == 0 &&
           memcmp(s->adaptation, adaptation, n * sizeof *adaptation) == 0;
}

// The plugin's link function: lcms2's own (_cmsDefaultICCintents) on a miss, a copy of the
// kept pipeline on a hit. The lock is not held while building, as building converts black
// points through further conversions, which come back here.
static cmsPipeline *link_profiles(cmsContext context, cmsUInt32Number n, cmsUInt32Number intents[],
                                  cmsHPROFILE profiles[], cmsBool bpc[], cmsFloat64Number adaptation[],
                                  cmsUInt32Number flags) {
    cmsUInt8Number ids[MAX_PROFILES][16];
    int keyed = n <= MAX_PROFILES;
    for (cmsUInt32Number i = 0; keyed && i < n; i++) {
        keyed = cmsMD5computeID(profiles[i]);
        if (keyed) cmsGetHeaderProfileID(profiles[i], ids[i]);
    }
    if (!keyed) return _cmsDefaultICCintents(context, n, intents, profiles, bpc, adaptation, flags);

    pthread_mutex_lock(&lock);
    for (int i = 0; i < CACHE_SLOTS; i++) {
        if (same(&slots[i], n, ids, intents, bpc, adaptation, flags)) {
            cmsPipeline *copy = cmsPipelineDup(slots[i].pipeline);
            hits++;
            pthread_mutex_unlock(&lock);
            return copy;
        }
    }
    pthread_mutex_unlock(&lock);

    cmsPipeline *built = _cmsDefaultICCintents(context, n, intents, profiles, bpc, adaptation, flags);
    cmsPipeline *kept = built ? cmsPipelineDup(built) : NULL;
    if (!kept) return built;
    pthread_mutex_lock(&lock);
    Slot *slot = &slots[next_slot];
    next_slot = (next_slot + 1) % CACHE_SLOTS;
    if (slot->used) cmsPipelineFree(slot->pipeline);
    *slot = (Slot){.used = 1, .profiles = n, .flags = flags, .pipeline = kept};
    memcpy(slot->ids, ids, n * 16);
    memcpy(slot->intents, intents, n * sizeof *intents);
    memcpy(slot->bpc, bpc, n * sizeof *bpc);
    memcpy(slot->adaptation, adaptation, n * sizeof *adaptation);
    pthread_mutex_unlock(&lock);
    return built;
}

// One plugin per ICC rendering intent, chained: lcms2 looks plugins up before its own.
static cmsPluginRenderingIntent plugins[4];

static void install(void) {
    static const char *names[4] = {"perceptual", "relative colorimetric", "saturation", "absolute colorimetric"};
    for (int i = 0; i < 4; i++) {
        plugins[i].base.Magic = cmsPluginMagicNumber;
        plugins[i].base.ExpectedVersion = 2000;
        plugins[i].base.Type = cmsPluginRenderingIntentSig;
        plugins[i].base.Next = i < 3 ? &plugins[i + 1].base : NULL;
        plugins[i].Intent = (cmsUInt32Number)i;
        plugins[i].Link = link_profiles;
        strncpy(plugins[i].Description, names[i], sizeof plugins[i].Description - 1);
    }
    installed = cmsPlugin(&plugins[0]) ? 0 : -1;
}

int protokoll_colour_transform_cache_install(void) {
    pthread_once(&once, install);
    return installed;
}

long protokoll_colour_transform_cache_hits(void) {
    pthread_mutex_lock(&lock);
    long count = hits;
    pthread_mutex_unlock(&lock);
    return count;
}
