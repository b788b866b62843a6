#include "vb_icu.h"
#include <unicode/unorm2.h>
#include <unicode/uchar.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <stdlib.h>
#include <string.h>

int32_t vb_normalize(int32_t mode, const uint16_t *src, int32_t len,
                     uint16_t *dst, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = mode == 1 ? unorm2_getNFDInstance(&err)
                                      : unorm2_getNFCInstance(&err);
    if (U_FAILURE(err)) return -1;
    int32_t out = unorm2_normalize(n, (const UChar *)src, len, (UChar *)dst, cap, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) return out;
    if (U_FAILURE(err)) return -1;
    return out;
}

int32_t vb_fold(const uint16_t *src, int32_t len, uint16_t *dst, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    if (U_FAILURE(err)) return -1;
    /* NFD of Vietnamese text is at most three code units per input unit. */
    int32_t tmpCap = len * 3 + 16;
    UChar stackBuf[1024];
    UChar *tmp = tmpCap <= 1024 ? stackBuf : (UChar *)malloc(sizeof(UChar) * tmpCap);
    if (!tmp) return -1;
    int32_t n = unorm2_normalize(nfd, (const UChar *)src, len, tmp, tmpCap, &err);
    if (U_FAILURE(err)) { if (tmp != stackBuf) free(tmp); return -1; }
    int32_t o = 0;
    int32_t i = 0;
    while (i < n) {
        UChar32 c;
        U16_NEXT(tmp, i, n, c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c == 0x0111 || c == 0x0110) c = 'd';      /* đ Đ */
        else if (c == 0x00F0 || c == 0x00D0) c = 'd'; /* ð Ð written for đ */
        else c = u_tolower(c);
        if (c < 0x10000) {
            if (o < cap) dst[o] = (uint16_t)c;
            o++;
        } else {
            if (o + 1 < cap) { dst[o] = U16_LEAD(c); dst[o + 1] = U16_TRAIL(c); }
            o += 2;
        }
    }
    if (tmp != stackBuf) free(tmp);
    return o;
}

int32_t vb_transliterate(const char *id, uint16_t *text, int32_t len, int32_t cap) {
    UErrorCode err = U_ZERO_ERROR;
    UChar uid[256];
    u_uastrncpy(uid, id, 255);
    uid[255] = 0;
    UTransliterator *t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err)) return -1;
    int32_t textLength = len;
    int32_t limit = len;
    utrans_transUChars(t, (UChar *)text, &textLength, cap, 0, &limit, &err);
    utrans_close(t);
    if (U_FAILURE(err)) return -1;
    return textLength;
}
