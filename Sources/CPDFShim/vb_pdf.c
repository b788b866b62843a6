#include "vb_pdf.h"
#include <poppler.h>
#include <cairo.h>
#include <tesseract/capi.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <dlfcn.h>

struct vb_pdf {
    PopplerDocument *doc;
    GBytes *bytes;
};

struct vb_ocr {
    TessBaseAPI *api;
};

static void set_err(char *err, int32_t cap, const char *msg) {
    if (err && cap > 0) { snprintf(err, (size_t)cap, "%s", msg ? msg : "unknown error"); }
}

vb_pdf *vb_pdf_open(const uint8_t *bytes, size_t len, int32_t *status, char *err, int32_t errcap) {
    GError *error = NULL;
    GBytes *data = g_bytes_new(bytes, len);
    PopplerDocument *doc = poppler_document_new_from_bytes(data, NULL, &error);
    if (!doc) {
        int32_t s = VB_PDF_OTHER;
        if (error && error->domain == POPPLER_ERROR) {
            if (error->code == POPPLER_ERROR_ENCRYPTED) s = VB_PDF_ENCRYPTED;
            else if (error->code == POPPLER_ERROR_DAMAGED || error->code == POPPLER_ERROR_INVALID) s = VB_PDF_DAMAGED;
        }
        if (status) *status = s;
        set_err(err, errcap, error ? error->message : NULL);
        if (error) g_error_free(error);
        g_bytes_unref(data);
        return NULL;
    }
    vb_pdf *pdf = calloc(1, sizeof(vb_pdf));
    if (!pdf) { g_object_unref(doc); g_bytes_unref(data); if (status) *status = VB_PDF_OTHER; set_err(err, errcap, "out of memory"); return NULL; }
    pdf->doc = doc;
    pdf->bytes = data;
    if (status) *status = VB_PDF_OK;
    return pdf;
}

void vb_pdf_close(vb_pdf *pdf) {
    if (!pdf) return;
    if (pdf->doc) g_object_unref(pdf->doc);
    if (pdf->bytes) g_bytes_unref(pdf->bytes);
    free(pdf);
}

int32_t vb_pdf_page_count(const vb_pdf *pdf) {
    return pdf && pdf->doc ? poppler_document_get_n_pages(pdf->doc) : 0;
}

int32_t vb_pdf_page_size(vb_pdf *pdf, int32_t index, double *width, double *height) {
    if (!pdf || index < 0 || index >= vb_pdf_page_count(pdf)) return -1;
    PopplerPage *page = poppler_document_get_page(pdf->doc, index);
    if (!page) return -1;
    poppler_page_get_size(page, width, height);
    g_object_unref(page);
    return 0;
}

static int is_bold_font(const char *name) {
    if (!name) return 0;
    return strstr(name, "Bold") || strstr(name, "bold") || strstr(name, "Black") || strstr(name, "Heavy") ||
           strstr(name, ",B") || strstr(name, "-B") ? 1 : 0;
}

int32_t vb_pdf_page_text(vb_pdf *pdf, int32_t index, vb_page_text *out) {
    memset(out, 0, sizeof(*out));
    if (!pdf || index < 0 || index >= vb_pdf_page_count(pdf)) return -1;
    PopplerPage *page = poppler_document_get_page(pdf->doc, index);
    if (!page) return -1;
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n = 0;
    if (text && *text && poppler_page_get_text_layout(page, &rects, &n)) {
        out->rects = malloc(sizeof(vb_rect) * (n ? n : 1));
        if (out->rects) {
            for (guint i = 0; i < n; i++) {
                out->rects[i].x0 = rects[i].x1; out->rects[i].y0 = rects[i].y1;
                out->rects[i].x1 = rects[i].x2; out->rects[i].y1 = rects[i].y2;
            }
            out->rect_count = (int32_t)n;
        }
        g_free(rects);
        GList *attrs = poppler_page_get_text_attributes(page);
        guint count = g_list_length(attrs);
        if (count > 0) {
            out->run_start = malloc(sizeof(int32_t) * count);
            out->run_end = malloc(sizeof(int32_t) * count);
            out->run_size = malloc(sizeof(double) * count);
            out->run_bold = malloc(count);
            if (out->run_start && out->run_end && out->run_size && out->run_bold) {
                int32_t i = 0;
                for (GList *l = attrs; l; l = l->next, i++) {
                    PopplerTextAttributes *a = l->data;
                    out->run_start[i] = a->start_index;
                    out->run_end[i] = a->end_index;
                    out->run_size[i] = a->font_size;
                    out->run_bold[i] = (uint8_t)is_bold_font(a->font_name);
                }
                out->run_count = (int32_t)count;
            }
        }
        poppler_page_free_text_attributes(attrs);
    }
    out->text = text ? strdup(text) : strdup("");
    g_free(text);
    g_object_unref(page);
    return 0;
}

void vb_page_text_free(vb_page_text *t) {
    if (!t) return;
    free(t->text); free(t->rects); free(t->run_start); free(t->run_end); free(t->run_size); free(t->run_bold);
    memset(t, 0, sizeof(*t));
}

uint8_t *vb_pdf_render_gray(vb_pdf *pdf, int32_t index, double dpi, int64_t max_pixels, int32_t *width, int32_t *height) {
    if (!pdf || index < 0 || index >= vb_pdf_page_count(pdf) || dpi <= 0) return NULL;
    PopplerPage *page = poppler_document_get_page(pdf->doc, index);
    if (!page) return NULL;
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    double scale = dpi / 72.0;
    double fw = pw * scale, fh = ph * scale;
    if (!(fw >= 1 && fh >= 1) || fw > 60000 || fh > 60000 || (int64_t)fw * (int64_t)fh > max_pixels) {
        g_object_unref(page);
        return NULL;
    }
    int w = (int)fw, h = (int)fh;
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) { cairo_surface_destroy(surface); g_object_unref(page); return NULL; }
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render_for_printing(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    uint8_t *gray = malloc((size_t)w * (size_t)h);
    if (gray) {
        const unsigned char *data = cairo_image_surface_get_data(surface);
        int stride = cairo_image_surface_get_stride(surface);
        for (int y = 0; y < h; y++) {
            const uint32_t *row = (const uint32_t *)(data + (size_t)y * stride);
            uint8_t *g = gray + (size_t)y * w;
            for (int x = 0; x < w; x++) {
                uint32_t p = row[x];
                uint32_t r = (p >> 16) & 0xFF, gg = (p >> 8) & 0xFF, b = p & 0xFF;
                g[x] = (uint8_t)((r * 299 + gg * 587 + b * 114) / 1000);
            }
        }
        *width = w; *height = h;
    }
    cairo_surface_destroy(surface);
    g_object_unref(page);
    return gray;
}

void vb_free(void *p) { free(p); }

vb_ocr *vb_ocr_new(const char *datapath, const char *lang) {
    /* Pages are OCR'd side by side, one engine each: Tesseract's own OpenMP
       threads would only spin against each other. */
    setenv("OMP_THREAD_LIMIT", "1", 0);
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api) return NULL;
    if (TessBaseAPIInit3(api, datapath, lang) != 0) { TessBaseAPIDelete(api); return NULL; }
    TessBaseAPISetPageSegMode(api, PSM_AUTO);
    /* Tesseract's chatter ("Detected 100 diacritics") is not for our users. */
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    vb_ocr *ocr = calloc(1, sizeof(vb_ocr));
    if (!ocr) { TessBaseAPIEnd(api); TessBaseAPIDelete(api); return NULL; }
    ocr->api = api;
    return ocr;
}

void vb_ocr_free(vb_ocr *ocr) {
    if (!ocr) return;
    TessBaseAPIEnd(ocr->api);
    TessBaseAPIDelete(ocr->api);
    free(ocr);
}

int32_t vb_ocr_recognize(vb_ocr *ocr, const uint8_t *gray, int32_t width, int32_t height, int32_t dpi,
                         vb_ocr_word **words, int32_t *count) {
    return vb_ocr_recognize_mode(ocr, gray, width, height, dpi, 3, words, count);
}

int32_t vb_ocr_recognize_mode(vb_ocr *ocr, const uint8_t *gray, int32_t width, int32_t height, int32_t dpi, int32_t mode,
                              vb_ocr_word **words, int32_t *count) {
    *words = NULL; *count = 0;
    if (!ocr || !gray || width <= 0 || height <= 0) return -1;
    TessBaseAPISetPageSegMode(ocr->api, mode == 6 ? PSM_SINGLE_BLOCK : mode == 7 ? PSM_SINGLE_LINE : PSM_AUTO);
    /* One OpenMP thread for this engine (the setting is per calling thread;
       OMP_THREAD_LIMIT is read when the library loads, too late to set here). */
    void (*set_threads)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_num_threads");
    if (set_threads) set_threads(1);
    TessBaseAPISetImage(ocr->api, gray, width, height, 1, width);
    TessBaseAPISetSourceResolution(ocr->api, dpi);
    if (TessBaseAPIRecognize(ocr->api, NULL) != 0) { TessBaseAPIClear(ocr->api); return -1; }
    TessResultIterator *it = TessBaseAPIGetIterator(ocr->api);
    int32_t cap = 256, n = 0;
    vb_ocr_word *list = malloc(sizeof(vb_ocr_word) * cap);
    if (it && list) {
        const TessPageIterator *pi = TessResultIteratorGetPageIterator(it);
        do {
            char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
            if (!t) continue;
            int l = 0, top = 0, r = 0, b = 0;
            if (!TessPageIteratorBoundingBox(pi, RIL_WORD, &l, &top, &r, &b)) { TessDeleteText(t); continue; }
            if (n == cap) {
                cap *= 2;
                vb_ocr_word *grown = realloc(list, sizeof(vb_ocr_word) * cap);
                if (!grown) { TessDeleteText(t); break; }
                list = grown;
            }
            list[n].text = strdup(t);
            list[n].x0 = l; list[n].y0 = top; list[n].x1 = r; list[n].y1 = b;
            list[n].confidence = TessResultIteratorConfidence(it, RIL_WORD);
            TessDeleteText(t);
            if (list[n].text) n++;
        } while (TessResultIteratorNext(it, RIL_WORD));
    }
    if (it) TessResultIteratorDelete(it);
    TessBaseAPIClear(ocr->api);
    *words = list; *count = n;
    return list ? 0 : -1;
}

void vb_ocr_words_free(vb_ocr_word *words, int32_t count) {
    if (!words) return;
    for (int32_t i = 0; i < count; i++) free(words[i].text);
    free(words);
}
