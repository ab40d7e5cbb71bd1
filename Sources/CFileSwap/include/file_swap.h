#ifndef MARKETNOTE_FILE_SWAP_H
#define MARKETNOTE_FILE_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, or the errno value on failure (ENOSYS/EINVAL when unsupported).
int marketnote_exchange_paths(const char *first, const char *second);

/// Writes every file of the file system that holds the open `descriptor` to its disk (Linux
/// syncfs); a write error the disk reported since `descriptor` was opened makes it fail.
/// Returns 0 on success, or the errno value on failure.
int marketnote_sync_file_system(int descriptor);

#endif
