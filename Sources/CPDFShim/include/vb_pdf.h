#ifndef VB_PDF_H
#define VB_PDF_H
/* Plain C face of poppler-glib (PDF text with positions, page rendering) and
   Tesseract (OCR of rendered pages) for VanBan. No GLib, cairo or Tesseract
   type leaks out: documents and engines are opaque pointers, strings UTF-8,
   coordinates in PDF points (1/72 inch) from the page's top-left corner.

   Safety: nothing here runs a document's JavaScript or follows its links;
   poppler only parses, lays out text and rasterizes. */
#include <stddef.h>
#include <stdint.h>

typedef struct vb_pdf vb_pdf;

enum { VB_PDF_OK = 0, VB_PDF_ENCRYPTED = 1, VB_PDF_DAMAGED = 2, VB_PDF_OTHER = 3 };

/* Opens a PDF from memory (the bytes are copied). On failure returns NULL,
   sets *status and writes a one-line reason into err. */
vb_pdf *vb_pdf_open(const uint8_t *bytes, size_t len, int32_t *status, char *err, int32_t errcap);
void vb_pdf_close(vb_pdf *pdf);
int32_t vb_pdf_page_count(const vb_pdf *pdf);
/* Page size in points; 0 on success. */
int32_t vb_pdf_page_size(vb_pdf *pdf, int32_t page, double *width, double *height);

/* A glyph box. */
typedef struct { double x0, y0, x1, y1; } vb_rect;

/* The text layer of one page: UTF-8 text, one box per code point of it, and
   font runs over code-point offsets [start, end] (end inclusive). */
typedef struct {
    char *text;
    vb_rect *rects;
    int32_t rect_count;
    int32_t *run_start;
    int32_t *run_end;
    double *run_size;
    uint8_t *run_bold;
    int32_t run_count;
} vb_page_text;

/* Fills out with page's text layer; 0 on success (an empty layer is a success). */
int32_t vb_pdf_page_text(vb_pdf *pdf, int32_t page, vb_page_text *out);
void vb_page_text_free(vb_page_text *text);

/* Renders a page to 8-bit gray (stride = width) at dpi, white background.
   Returns NULL when the page cannot be rendered or would exceed max_pixels. */
uint8_t *vb_pdf_render_gray(vb_pdf *pdf, int32_t page, double dpi, int64_t max_pixels, int32_t *width, int32_t *height);
void vb_free(void *p);

/* OCR engine (one per thread). lang like "vie"; datapath NULL for the default.
   Returns NULL when Tesseract or the language's data is missing. */
typedef struct vb_ocr vb_ocr;
vb_ocr *vb_ocr_new(const char *datapath, const char *lang);
void vb_ocr_free(vb_ocr *ocr);

/* One recognized word: UTF-8 text, box in pixels, confidence 0...100. */
typedef struct {
    char *text;
    int32_t x0, y0, x1, y1;
    float confidence;
} vb_ocr_word;

/* Recognizes a gray image; fills *words (free with vb_ocr_words_free). 0 on success. */
int32_t vb_ocr_recognize(vb_ocr *ocr, const uint8_t *gray, int32_t width, int32_t height, int32_t dpi,
                         vb_ocr_word **words, int32_t *count);
/* The same with a page segmentation mode: 3 automatic, 6 one block, 7 one line. */
int32_t vb_ocr_recognize_mode(vb_ocr *ocr, const uint8_t *gray, int32_t width, int32_t height, int32_t dpi, int32_t mode,
                              vb_ocr_word **words, int32_t *count);
void vb_ocr_words_free(vb_ocr_word *words, int32_t count);

#endif
