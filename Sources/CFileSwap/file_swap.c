#define _GNU_SOURCE
#include "file_swap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int marketnote_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    if (syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE) == 0) {
        return 0;
    }
    return errno;
#else
    (void)first;
    (void)second;
    return ENOSYS;
#endif
}

int marketnote_sync_file_system(int descriptor) {
#if defined(__linux__)
    return syncfs(descriptor) == 0 ? 0 : errno;
#else
    (void)descriptor;
    sync();
    return 0;
#endif
}
