#ifndef VB_ICU_H
#define VB_ICU_H
/* Plain C face of the ICU functions VanBan needs. No ICU type leaks out. */
#include <stdint.h>

/* Unicode normalization of UTF-16 text. mode 0 = NFC, 1 = NFD.
   Returns the length written (or needed, when larger than cap), -1 on error. */
int32_t vb_normalize(int32_t mode, const uint16_t *src, int32_t len,
                     uint16_t *dst, int32_t cap);

/* Search-key folding: NFD, combining marks removed, đ/Đ -> d, lower case.
   "Sở Giáo dục và Đào tạo" -> "so giao duc va dao tao".
   Returns the length written (or needed), -1 on error. */
int32_t vb_fold(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap);

/* Runs an ICU transliterator by id (for example "Any-Latin; Latin-ASCII")
   over the text in place. Returns the new length, or -1 on error. */
int32_t vb_transliterate(const char *id, uint16_t *text, int32_t len, int32_t cap);

#endif
