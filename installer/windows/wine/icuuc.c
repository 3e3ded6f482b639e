/* A stand-in for Windows' icuuc.dll, for testing under wine only: it never goes into the bundle.

   Qt 6.12's Qt6Core.dll imports the system ICU that Windows 10 1903 and later ship as icuuc.dll
   (unversioned names, C calling convention). Wine 8.0 has no icuuc.dll, so Qt6Core.dll (and with
   it every Qt program) does not load at all. Qt uses these converters only for text encodings
   other than UTF-8/16/32 and Latin-1, which Löften never asks for: this stand-in knows no
   converter (ucnv_open fails with U_FILE_ACCESS_ERROR, as ICU does for an unknown name), so Qt
   reports such an encoding as unavailable. Built by installer/windows/wine-env.sh's make_prefix with
   x86_64-w64-mingw32-gcc and placed in the test prefix's system32. */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
typedef struct UConverter UConverter;
typedef void (*UConverterCallback)(void);

#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16
#define EXPORT __declspec(dllexport)

static void fail(UErrorCode *error, UErrorCode code) {
    if (error != NULL && *error <= 0) *error = code;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *error) {
    (void)name;
    fail(error, U_FILE_ACCESS_ERROR);
    return NULL;
}
EXPORT void ucnv_close(UConverter *converter) { (void)converter; }
EXPORT void ucnv_reset(UConverter *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *converter) { (void)converter; return 1; }
EXPORT const char *ucnv_getName(const UConverter *converter, UErrorCode *error) {
    (void)converter;
    fail(error, U_UNSUPPORTED_ERROR);
    return NULL;
}
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error) {
    (void)name; (void)standard; (void)error;
    return NULL; /* "no such alias": not an error in ICU either */
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT void ucnv_getToUCallBack(const UConverter *c, UConverterCallback *action, const void **context) {
    (void)c; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const UConverter *c, UConverterCallback *action, const void **context) {
    (void)c; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(UConverter *c, UConverterCallback n, const void *nc,
                                UConverterCallback *o, const void **oc, UErrorCode *error) {
    (void)c; (void)n; (void)nc; if (o) *o = NULL; if (oc) *oc = NULL;
    fail(error, U_UNSUPPORTED_ERROR);
}
EXPORT void ucnv_setFromUCallBack(UConverter *c, UConverterCallback n, const void *nc,
                                  UConverterCallback *o, const void **oc, UErrorCode *error) {
    (void)c; (void)n; (void)nc; if (o) *o = NULL; if (oc) *oc = NULL;
    fail(error, U_UNSUPPORTED_ERROR);
}
EXPORT void ucnv_toUnicode(UConverter *c, UChar **target, const UChar *targetLimit,
                           const char **source, const char *sourceLimit, int32_t *offsets,
                           int8_t flush, UErrorCode *error) {
    (void)c; (void)target; (void)targetLimit; (void)source; (void)sourceLimit; (void)offsets;
    (void)flush;
    fail(error, U_UNSUPPORTED_ERROR);
}
EXPORT void ucnv_fromUnicode(UConverter *c, char **target, const char *targetLimit,
                             const UChar **source, const UChar *sourceLimit, int32_t *offsets,
                             int8_t flush, UErrorCode *error) {
    (void)c; (void)target; (void)targetLimit; (void)source; (void)sourceLimit; (void)offsets;
    (void)flush;
    fail(error, U_UNSUPPORTED_ERROR);
}
EXPORT int32_t ucnv_toUCountPending(const UConverter *c, UErrorCode *error) {
    (void)c; (void)error; return 0;
}
EXPORT int32_t ucnv_fromUCountPending(const UConverter *c, UErrorCode *error) {
    (void)c; (void)error; return 0;
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length,
                                  int32_t offsetIndex, UErrorCode *error) {
    (void)args; (void)source; (void)length; (void)offsetIndex;
    fail(error, U_UNSUPPORTED_ERROR);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *sourceLimit,
                                    int32_t offsetIndex, UErrorCode *error) {
    (void)args; (void)source; (void)sourceLimit; (void)offsetIndex;
    fail(error, U_UNSUPPORTED_ERROR);
}
/* ICU's ready-made callbacks, whose addresses Qt passes to ucnv_set*CallBack. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
