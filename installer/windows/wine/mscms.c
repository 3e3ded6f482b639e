/* A stand-in for mscms.dll (Windows colour management), for testing under wine only: it never
   goes into the bundle.

   Qt 6.12's platform plugin qwindows.dll imports WcsCreateIccProfile, which wine 8.0's mscms.dll
   lacks, so no Qt window can open. These are the four functions the plugin imports; Qt uses them
   to read the monitor's colour profile. This stand-in says the screen has none (as a Windows
   machine without a profile does), so Qt assumes sRGB. Built by installer/windows/wine-env.sh's make_prefix
   with x86_64-w64-mingw32-gcc and placed in the test prefix's system32, preferred to wine's own
   through WINEDLLOVERRIDES. */
#include <windows.h>

#define EXPORT __declspec(dllexport)

EXPORT HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation) {
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}
EXPORT BOOL WINAPI CloseColorProfile(HANDLE profile) {
    (void)profile;
    return TRUE;
}
EXPORT BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer, DWORD *size) {
    (void)profile; (void)buffer; (void)size;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}
EXPORT HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options) {
    (void)profile; (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
