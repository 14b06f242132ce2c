//! The engine's memory allocator in the browser: small blocks in power-of-two size classes, one
//! free list per class; large blocks (a table's text, its search index) in whole 64 KiB pages, on
//! one first-fit free list. All carved from pages the module grows its memory by. It is a few
//! hundred bytes of code where the standard allocator (dlmalloc) is several kilobytes: −2,033 B
//! of the engine gzipped (docs/performance.md).
//!
//! The price: a small block may be up to twice the requested size, and is reused only for a
//! request of the same class; a large one is rounded up to a page, not to a power of two, so a
//! 12 MB table does not take 16 MB. Wasm memory never shrinks, so nothing is returned to the browser
//! by any allocator. Used only on single-threaded wasm32; native builds keep the system allocator.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 64 * 1024;
/// Every block is at least this large and aligned, so a free block can hold the list link.
const MIN_BLOCK: usize = 8;
/// Requests above this take whole pages.
const LARGE: usize = PAGE;

struct Heap {
    /// The first free block of each class (class `k` holds blocks of `2^k` bytes); each free block
    /// starts with a pointer to the next one.
    free: [*mut u8; usize::BITS as usize],
    /// The first free large block; each starts with a pointer to the next one and its size.
    large: *mut u8,
    /// The unused part of the most recently grown memory: `next..end`.
    next: usize,
    end: usize,
}

pub struct SizeClasses(UnsafeCell<Heap>);

// SAFETY: this allocator is compiled only for wasm32 without the atomics feature, where the module
// runs on one thread, so the heap is never accessed concurrently.
unsafe impl Sync for SizeClasses {}

#[global_allocator]
static ALLOCATOR: SizeClasses =
    SizeClasses(UnsafeCell::new(Heap { free: [null_mut(); usize::BITS as usize], large: null_mut(), next: 0, end: 0 }));

/// How a request is served: a small block of class `k` (`2^k` bytes), or a large one of this many
/// bytes (whole pages); `None` when no block can serve it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    Class(usize),
    Large(usize),
}

fn block_of(layout: Layout) -> Option<Block> {
    let size = layout.size().max(layout.align()).max(MIN_BLOCK);
    if size > LARGE && layout.align() <= PAGE {
        return size.checked_next_multiple_of(PAGE).map(Block::Large);
    }
    size.checked_next_power_of_two().map(|block| Block::Class(block.trailing_zeros() as usize))
}

fn align_up(at: usize, align: usize) -> Option<usize> {
    Some(at.checked_add(align - 1)? & !(align - 1))
}

impl Heap {
    /// A fresh block of `size` bytes aligned to `align`, growing memory when needed.
    fn carve(&mut self, size: usize, align: usize) -> Option<usize> {
        let align = align.max(MIN_BLOCK);
        let mut start = align_up(self.next, align)?;
        if start.checked_add(size)? > self.end {
            let pages = size.checked_add(align)?.div_ceil(PAGE);
            let old_pages = wasm32::memory_grow(0, pages);
            if old_pages == usize::MAX {
                return None;
            }
            let fresh = old_pages.checked_mul(PAGE)?;
            // The new pages continue the current region unless memory was grown from elsewhere;
            // then the rest of the old region is left unused.
            if fresh != self.end {
                self.next = fresh;
            }
            self.end = old_pages.checked_add(pages)?.checked_mul(PAGE)?;
            start = align_up(self.next, align)?;
        }
        self.next = start + size;
        Some(start)
    }

    /// Grows the large block `start..start + size`, the last one carved, to `new_size` bytes in
    /// place (a vector that keeps growing then never leaves its old blocks behind); false when it
    /// is not the last one, or memory cannot grow right after it.
    fn grow_in_place(&mut self, start: usize, size: usize, new_size: usize) -> bool {
        if start.checked_add(size) != Some(self.next) {
            return false;
        }
        let Some(end) = start.checked_add(new_size) else { return false };
        if end > self.end {
            let pages = (end - self.end).div_ceil(PAGE);
            let old_pages = wasm32::memory_grow(0, pages);
            // (Memory grown from elsewhere in between: the new pages are not after this block.)
            if old_pages == usize::MAX || old_pages.checked_mul(PAGE) != Some(self.end) {
                return false;
            }
            self.end += pages * PAGE;
        }
        self.next = end;
        true
    }

    /// The first free large block of at least `size` bytes, taken off the list.
    ///
    /// SAFETY (for the caller): the list holds only blocks `dealloc` put there, each starting with
    /// its link and its size.
    unsafe fn take_large(&mut self, size: usize) -> *mut u8 {
        let mut link: *mut *mut u8 = &mut self.large;
        // SAFETY: every block on the list starts with [next, size], written by `dealloc`.
        unsafe {
            while !(*link).is_null() {
                let block = *link;
                let fields = block.cast::<usize>();
                if *fields.add(1) >= size {
                    *link = *block.cast::<*mut u8>();
                    return block;
                }
                link = block.cast::<*mut u8>();
            }
        }
        null_mut()
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(block) = block_of(layout) else { return null_mut() };
        // SAFETY: single-threaded (see `Sync` above) and not re-entered: nothing here allocates.
        let heap = unsafe { &mut *self.0.get() };
        match block {
            Block::Class(class) => {
                let head = heap.free[class];
                if !head.is_null() && (head as usize).is_multiple_of(layout.align()) {
                    // SAFETY: a free block starts with the link written by `dealloc`, and is 8-aligned.
                    heap.free[class] = unsafe { *head.cast::<*mut u8>() };
                    return head;
                }
                heap.carve(1 << class, layout.align()).map_or(null_mut(), |at| at as *mut u8)
            }
            Block::Large(size) => {
                // SAFETY: the large list holds only blocks `dealloc` wrote; they are page-aligned.
                let reused = unsafe { heap.take_large(size) };
                if !reused.is_null() {
                    return reused;
                }
                heap.carve(size, PAGE).map_or(null_mut(), |at| at as *mut u8)
            }
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(kind) = block_of(layout) else { return };
        // SAFETY: as in `alloc`; `block` came from `alloc` with this layout, so it spans at least
        // `MIN_BLOCK` bytes aligned to 8 (a large one a whole page), room for the link and size.
        unsafe {
            let heap = &mut *self.0.get();
            match kind {
                Block::Class(class) => {
                    *block.cast::<*mut u8>() = heap.free[class];
                    heap.free[class] = block;
                }
                Block::Large(size) => {
                    *block.cast::<*mut u8>() = heap.large;
                    *block.cast::<usize>().add(1) = size;
                    heap.large = block;
                }
            }
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size`, rounded up to `layout.align()`, fits `isize`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let (old, new) = (block_of(layout), block_of(new_layout));
        if old == new {
            return block;
        }
        if let (Some(Block::Large(size)), Some(Block::Large(new_size))) = (old, new) {
            // SAFETY: single-threaded and not re-entered, as in `alloc`.
            let heap = unsafe { &mut *self.0.get() };
            if new_size < size || heap.grow_in_place(block as usize, size, new_size) {
                return block;
            }
        }
        // SAFETY: `new_layout` is valid (above); the blocks are distinct and at least as long as
        // the bytes copied.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                core::ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }
}
