//! The wasm build's memory allocator: power-of-two size classes, one free list per class, blocks
//! carved from pages the module grows its memory by. It is a few hundred bytes of code where the
//! standard allocator (dlmalloc) is several kilobytes, and every operation is O(1).
//!
//! The price: a block may be up to twice the requested size, and a freed block is reused only for
//! a request of the same class (wasm memory never shrinks, so nothing is returned to the browser
//! by any allocator). Used only on single-threaded wasm32; native builds keep the system allocator.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 64 * 1024;
/// Every block is at least this large and aligned, so a free block can hold the list link.
const MIN_BLOCK: usize = 8;

struct Heap {
    /// The first free block of each class (class `k` holds blocks of `2^k` bytes); each free block
    /// starts with a pointer to the next one.
    free: [*mut u8; usize::BITS as usize],
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
    SizeClasses(UnsafeCell::new(Heap { free: [null_mut(); usize::BITS as usize], next: 0, end: 0 }));

/// The class of a request: log2 of the block size serving it (`None` when no block can).
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size().max(layout.align()).max(MIN_BLOCK);
    size.checked_next_power_of_two().map(|block| block.trailing_zeros() as usize)
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
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(layout) else { return null_mut() };
        // SAFETY: single-threaded (see `Sync` above) and not re-entered: nothing here allocates.
        let heap = unsafe { &mut *self.0.get() };
        let head = heap.free[class];
        if !head.is_null() && (head as usize).is_multiple_of(layout.align()) {
            // SAFETY: a free block starts with the link written by `dealloc`, and is 8-aligned.
            heap.free[class] = unsafe { *head.cast::<*mut u8>() };
            return head;
        }
        heap.carve(1 << class, layout.align()).map_or(null_mut(), |at| at as *mut u8)
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(class) = class_of(layout) else { return };
        // SAFETY: as in `alloc`; `block` came from `alloc` with this layout, so it spans at least
        // `MIN_BLOCK` bytes aligned to 8, room for the link.
        unsafe {
            let heap = &mut *self.0.get();
            *block.cast::<*mut u8>() = heap.free[class];
            heap.free[class] = block;
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size`, rounded up to `layout.align()`, fits `isize`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class_of(layout) == class_of(new_layout) {
            return block;
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
