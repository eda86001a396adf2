#ifndef PROTOKOLL_CPOPPLER_SHIM_H
#define PROTOKOLL_CPOPPLER_SHIM_H

#include <poppler.h>
#include <glib.h>

/// GObject's unref through a typed function, because Swift cannot see through G_OBJECT casts.
static inline void protokoll_object_unref(void *object) { g_object_unref(object); }

/// Frees a GList of PopplerTextAttributes as poppler documents it.
static inline void protokoll_free_text_attributes(GList *list) { poppler_page_free_text_attributes(list); }

/// The PopplerTextAttributes behind one GList node.
static inline PopplerTextAttributes *protokoll_text_attributes(GList *node) {
    return (PopplerTextAttributes *)node->data;
}

/// Whether a GError belongs to poppler's error domain.
static inline int protokoll_is_poppler_error(const GError *error) {
    return error != NULL && error->domain == POPPLER_ERROR;
}

#endif
