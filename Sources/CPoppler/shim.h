#ifndef PROTOKOLL_CPOPPLER_SHIM_H
#define PROTOKOLL_CPOPPLER_SHIM_H

#include <poppler.h>
#include <glib.h>
#include <cairo.h>
#include <cairo-pdf.h>

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

/// Paints one page onto an image surface at `scale` pixels per point and reports cairo's
/// status. The surface is filled white first: a PDF page is transparent where nothing is
/// drawn, and an ARGB32 surface starts transparent, which most viewers show as black or as a
/// checkerboard. The cairo context lives and dies here, so Swift only handles the surface.
///
/// `top` is the page's pixel row drawn at the surface's first row: a surface shorter than the
/// page takes it in bands, so the whole page never needs to be held at four bytes a pixel.
static inline cairo_status_t protokoll_render_page(
    PopplerPage *page, cairo_surface_t *surface, double scale, double top) {
    cairo_t *context = cairo_create(surface);
    cairo_set_source_rgb(context, 1, 1, 1);
    cairo_paint(context);
    cairo_translate(context, 0, -top);
    cairo_scale(context, scale, scale);
    poppler_page_render(page, context);
    cairo_status_t status = cairo_status(context);
    cairo_destroy(context);
    return status;
}

/// Draws `image` (pixels at `scale` per point) as the next page of the PDF surface `pdf`, turned
/// clockwise by `degrees` about the page's centre, on a white page of `width` × `height`
/// points, and ends the page: a scanner's image-only page, with no text layer. The context
/// lives and dies here.
static inline cairo_status_t protokoll_draw_scanned_page(
    cairo_surface_t *pdf, cairo_surface_t *image, double width, double height, double scale, double degrees) {
    cairo_pdf_surface_set_size(pdf, width, height);
    cairo_t *context = cairo_create(pdf);
    cairo_set_source_rgb(context, 1, 1, 1);
    cairo_paint(context);
    cairo_translate(context, width / 2, height / 2);
    cairo_rotate(context, degrees * G_PI / 180);
    cairo_scale(context, 1 / scale, 1 / scale);
    cairo_translate(context, -cairo_image_surface_get_width(image) / 2.0, -cairo_image_surface_get_height(image) / 2.0);
    cairo_set_source_surface(context, image, 0, 0);
    cairo_paint(context);
    cairo_show_page(context);
    cairo_status_t status = cairo_status(context);
    cairo_destroy(context);
    return status;
}

#endif
