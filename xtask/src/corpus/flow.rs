//! A vertical cursor over a growing list of pages, for layouts whose tables spill over.

use super::canvas::Page;

/// Pages plus the baseline where the next line goes.
#[derive(Debug)]
pub(crate) struct Flow {
    /// The pages so far; never empty.
    pub(crate) pages: Vec<Page>,
    /// The current y position (top-left origin).
    pub(crate) y: f32,
    top: f32,
    bottom: f32,
}

impl Flow {
    /// One empty page; continuation pages start at `top`, nothing goes below `bottom`.
    pub(crate) fn new(top: f32, bottom: f32) -> Self {
        Self {
            pages: vec![Page::default()],
            y: top,
            top,
            bottom,
        }
    }

    /// The page being filled.
    pub(crate) fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Whether `height` more points fit on the current page.
    pub(crate) fn fits(&self, height: f32) -> bool {
        self.y + height <= self.bottom
    }

    /// Starts a new page at the top margin.
    pub(crate) fn break_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top;
    }

    /// Moves the cursor down.
    pub(crate) fn advance(&mut self, height: f32) {
        self.y += height;
    }
}
