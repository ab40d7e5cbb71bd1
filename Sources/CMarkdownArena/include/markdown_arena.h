#ifndef MARKETNOTE_MARKDOWN_ARENA_H
#define MARKETNOTE_MARKDOWN_ARENA_H

#include <stddef.h>

/// A per-thread arena for cmark-gfm's allocations during one parse and rendering: its nodes and
/// buffers are bump-allocated from blocks the thread keeps, and given back all at once when the
/// rendering is done, instead of thousands of calls to malloc and free a note (in a backfill,
/// malloc and free were 45% of the time spent in cmark-gfm; perf). The three functions have the
/// signatures of cmark-gfm's `cmark_mem`. Memory must be used only between `begin` and `end` on
/// the thread that allocated it.
void *marketnote_arena_calloc(size_t count, size_t size);
void *marketnote_arena_realloc(void *pointer, size_t size);
/// Does nothing: the memory comes back at the outermost `marketnote_arena_end`.
void marketnote_arena_free(void *pointer);

/// Starts a use of this thread's arena; uses nest.
void marketnote_arena_begin(void);
/// Ends a use: at the outermost end, everything allocated since the outermost begin is free for
/// the next use (the blocks are kept, but for oversized ones, which go back to the system).
void marketnote_arena_end(void);

/// The bytes of blocks this thread's arena holds, for the tests.
size_t marketnote_arena_capacity(void);

#endif
