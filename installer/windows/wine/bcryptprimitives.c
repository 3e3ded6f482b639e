/* A stand-in for bcryptprimitives.dll, for testing under wine only: it never goes into the
   bundle.

   Qt 6.12's Qt6Pdf.dll (the report viewer; Chromium's base library inside PDFium) loads
   bcryptprimitives.dll, which Windows 10 and later ship, for ProcessPrng, its source of random
   bytes, and stops the program (int 3) when it is missing, as it is in wine 8.0. This stand-in
   gives the same bytes Windows' ProcessPrng gives: the system's cryptographic generator,
   through BCryptGenRandom (which wine has). Built by installer/windows/wine-env.sh's make_prefix
   with x86_64-w64-mingw32-gcc and placed in the test prefix's system32. */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG))) {
            /* Windows' ProcessPrng never fails; neither may this one return unfilled bytes. */
            RaiseException(0xC00000E5L /* STATUS_INTERNAL_ERROR */, EXCEPTION_NONCONTINUABLE, 0, NULL);
        }
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
