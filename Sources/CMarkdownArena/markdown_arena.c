#include "markdown_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// Allocations are 16-byte aligned, as malloc's are, and each starts after a 16-byte header that
/// holds its size (for realloc).
enum { ALIGNMENT = 16, HEADER = 16, BLOCK_SIZE = 256 * 1024 };

typedef struct Block {
    struct Block *next;
    size_t capacity;
    size_t used;
    size_t padding;  // keeps the data 16-byte aligned after the 32-byte block header
} Block;

typedef struct {
    Block *first;
    Block *current;
    int depth;
} Arena;

static pthread_key_t arena_key;
static pthread_once_t arena_key_once = PTHREAD_ONCE_INIT;
static _Thread_local Arena *thread_arena;

static void fail(const char *what) {
    fprintf(stderr, "marketnote: out of memory (%s)\n", what);
    abort();
}

/// Gives a finished thread's blocks back.
static void destroy_arena(void *value) {
    Arena *arena = value;
    for (Block *block = arena->first; block;) {
        Block *next = block->next;
        free(block);
        block = next;
    }
    free(arena);
    thread_arena = NULL;
}

static void make_arena_key(void) {
    if (pthread_key_create(&arena_key, destroy_arena) != 0) fail("thread key");
}

static Arena *this_arena(void) {
    if (thread_arena) return thread_arena;
    pthread_once(&arena_key_once, make_arena_key);
    Arena *arena = calloc(1, sizeof *arena);
    if (!arena || pthread_setspecific(arena_key, arena) != 0) fail("arena");
    thread_arena = arena;
    return arena;
}

static unsigned char *data(Block *block) { return (unsigned char *)(block + 1); }

static size_t rounded(size_t size) {
    if (size > SIZE_MAX - HEADER - ALIGNMENT) fail("size");
    return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
}

/// A new block after `arena->current` that holds at least `needed` bytes.
static Block *add_block(Arena *arena, size_t needed) {
    size_t capacity = needed > BLOCK_SIZE ? needed : BLOCK_SIZE;
    Block *block = malloc(sizeof(Block) + capacity);
    if (!block) fail("block");
    block->capacity = capacity;
    block->used = 0;
    if (arena->current) {
        block->next = arena->current->next;
        arena->current->next = block;
    } else {
        block->next = arena->first;
        arena->first = block;
    }
    return block;
}

/// `size` bytes, not zeroed, from the current block or the next kept one that has room.
static void *allocate(size_t size) {
    Arena *arena = this_arena();
    size_t needed = HEADER + rounded(size);
    Block *block = arena->current ? arena->current : arena->first;
    while (block && block->capacity - block->used < needed) block = block->next;
    if (!block) block = add_block(arena, needed);
    arena->current = block;
    unsigned char *header = data(block) + block->used;
    block->used += needed;
    *(size_t *)header = size;
    return header + HEADER;
}

void *marketnote_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) fail("calloc");
    void *pointer = allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

void *marketnote_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    unsigned char *header = (unsigned char *)pointer - HEADER;
    size_t old = *(size_t *)header;
    if (size <= old) return pointer;
    // The last allocation of the current block grows in place when the block has room.
    Block *block = thread_arena->current;
    unsigned char *end = header + HEADER + rounded(old);
    if (end == data(block) + block->used && rounded(size) - rounded(old) <= block->capacity - block->used) {
        block->used += rounded(size) - rounded(old);
        *(size_t *)header = size;
        return pointer;
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, old);
    return moved;
}

void marketnote_arena_free(void *pointer) { (void)pointer; }

void marketnote_arena_begin(void) { this_arena()->depth += 1; }

void marketnote_arena_end(void) {
    Arena *arena = this_arena();
    if (--arena->depth > 0) return;
    Block **link = &arena->first;
    while (*link) {
        Block *block = *link;
        if (block->capacity > BLOCK_SIZE) {
            *link = block->next;
            free(block);
        } else {
            block->used = 0;
            link = &block->next;
        }
    }
    arena->current = arena->first;
}

size_t marketnote_arena_capacity(void) {
    size_t total = 0;
    for (Block *block = thread_arena ? thread_arena->first : NULL; block; block = block->next) total += block->capacity;
    return total;
}
