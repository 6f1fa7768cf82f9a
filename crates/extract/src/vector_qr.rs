//! QR codes drawn as filled vector paths: cluster small dark shapes, rasterize each dense
//! cluster and decode it.

use crate::geometry::bounds_of;
use crate::gray::GrayImage;
use crate::model::Rect;
use crate::pdf::FilledShape;
use crate::qr;

/// Polygons longer than this (points) are page furniture, not modules.
const MAX_ELEMENT_SIDE: f32 = 150.0;
/// Polygons thinner than this (points) are hairlines.
const MIN_ELEMENT_SIDE: f32 = 0.3;
/// A cluster needs this many polygons to be a QR candidate...
const MIN_CLUSTER_ELEMENTS: usize = 12;
/// ...or this many vertices (codes drawn as a few complex outlines).
const MIN_CLUSTER_VERTICES: usize = 60;
/// The width-to-height ratio range of a candidate's bounding box (codes are square at any
/// rotation).
const SQUARE_RATIO: std::ops::RangeInclusive<f32> = 0.75..=1.33;
/// The side range, in points, of a candidate's bounding box.
const CLUSTER_SIDE: std::ops::RangeInclusive<f32> = 10.0..=600.0;
/// Candidate clusters tried per page.
const MAX_CANDIDATES: usize = 8;
/// The smallest raster side, in pixels.
const MIN_RASTER_SIDE: f32 = 240.0;
/// The largest raster side, in pixels (before the quiet zone).
const MAX_RASTER_SIDE: f32 = 1600.0;
/// Pixels per module tried in turn (rotated codes need more).
const PIXELS_PER_MODULE: [f32; 2] = [6.0, 11.0];

/// One dark polygon.
#[derive(Debug, Clone, Copy)]
struct Element {
    shape: usize,
    polygon: usize,
    bounds: Rect,
    thickness: f32,
}

/// A decoded code and where it sits.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VectorQr {
    pub(crate) text: String,
    pub(crate) bbox: Rect,
}

/// Finds and decodes QR codes among the filled shapes of a page.
pub(crate) fn find_codes(shapes: &[FilledShape]) -> Vec<VectorQr> {
    let elements = collect_elements(shapes);
    if elements.is_empty() {
        return Vec::new();
    }
    let mut clusters = cluster(&elements);
    clusters.retain(|members| {
        let vertices: usize = members
            .iter()
            .map(|&index| shapes[elements[index].shape].polygons[elements[index].polygon].len())
            .sum();
        let bounds = union_bounds(members.iter().map(|&index| elements[index].bounds));
        let (width, height) = (bounds.width(), bounds.height());
        let square = height > 0.0 && SQUARE_RATIO.contains(&(width / height));
        let plausible_size = CLUSTER_SIDE.contains(&width);
        square
            && plausible_size
            && (members.len() >= MIN_CLUSTER_ELEMENTS || vertices >= MIN_CLUSTER_VERTICES)
    });
    clusters.sort_by_key(|members| std::cmp::Reverse(members.len()));
    clusters.truncate(MAX_CANDIDATES);
    let mut found = Vec::new();
    for members in clusters {
        let bounds = union_bounds(members.iter().map(|&index| elements[index].bounds));
        let mut thicknesses: Vec<f32> = members
            .iter()
            .map(|&index| elements[index].thickness)
            .collect();
        thicknesses.sort_by(f32::total_cmp);
        let module = thicknesses[thicknesses.len() / 10].max(MIN_ELEMENT_SIDE);
        for pixels_per_module in PIXELS_PER_MODULE {
            let raster = rasterize(
                shapes,
                &members,
                &elements,
                bounds,
                module,
                pixels_per_module,
            );
            let codes = qr::decode(&raster);
            if codes.is_empty() {
                continue;
            }
            found.extend(codes.into_iter().map(|code| VectorQr {
                text: code.text,
                bbox: bounds,
            }));
            break;
        }
    }
    found
}

/// The dark, module-sized polygons.
fn collect_elements(shapes: &[FilledShape]) -> Vec<Element> {
    let mut elements = Vec::new();
    for (shape_index, shape) in shapes.iter().enumerate() {
        if !shape.dark {
            continue;
        }
        for (polygon_index, polygon) in shape.polygons.iter().enumerate() {
            let bounds = bounds_of(polygon);
            let (width, height) = (bounds.width(), bounds.height());
            let thickness = polygon_thickness(polygon).unwrap_or(width.min(height));
            if width.max(height) <= MAX_ELEMENT_SIDE && thickness >= MIN_ELEMENT_SIDE {
                elements.push(Element {
                    shape: shape_index,
                    polygon: polygon_index,
                    bounds,
                    thickness,
                });
            }
        }
    }
    elements
}

/// The shorter side of a (possibly rotated) rectangle: the module size of a module or run.
fn polygon_thickness(polygon: &[(f32, f32)]) -> Option<f32> {
    let corners = match polygon {
        [a, b, c, d] => [*a, *b, *c, *d],
        [a, b, c, d, e] if (a.0 - e.0).abs() < 0.01 && (a.1 - e.1).abs() < 0.01 => [*a, *b, *c, *d],
        _ => return None,
    };
    let length =
        |(x0, y0): (f32, f32), (x1, y1): (f32, f32)| ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
    let (first, second) = (
        length(corners[0], corners[1]),
        length(corners[1], corners[2]),
    );
    Some(first.min(second))
}

/// Groups elements closer than about one module to each other (sweep over `x`).
fn cluster(elements: &[Element]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..elements.len()).collect();
    order.sort_by(|&a, &b| elements[a].bounds.x0.total_cmp(&elements[b].bounds.x0));
    let mut parent: Vec<usize> = (0..elements.len()).collect();
    let widest_margin = elements
        .iter()
        .map(|element| element.thickness)
        .fold(0.0f32, f32::max)
        * 1.6;
    for (position, &first) in order.iter().enumerate() {
        let a = elements[first];
        for &second in &order[position + 1..] {
            let b = elements[second];
            if b.bounds.x0 > a.bounds.x1 + widest_margin {
                break;
            }
            let margin = a.thickness.min(b.thickness) * 1.6;
            let near = b.bounds.x0 <= a.bounds.x1 + margin
                && a.bounds.x0 <= b.bounds.x1 + margin
                && b.bounds.y0 <= a.bounds.y1 + margin
                && a.bounds.y0 <= b.bounds.y1 + margin;
            if near {
                union(&mut parent, first, second);
            }
        }
    }
    let mut groups: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
    for index in 0..elements.len() {
        let root = find(&mut parent, index);
        groups.entry(root).or_default().push(index);
    }
    groups.into_values().collect()
}

fn find(parent: &mut [usize], mut index: usize) -> usize {
    while parent[index] != index {
        parent[index] = parent[parent[index]];
        index = parent[index];
    }
    index
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (root_a, root_b) = (find(parent, a), find(parent, b));
    if root_a != root_b {
        parent[root_b] = root_a;
    }
}

fn union_bounds(mut boxes: impl Iterator<Item = Rect>) -> Rect {
    let first = boxes.next().unwrap_or_default();
    boxes.fold(first, |acc, rect| acc.union(&rect))
}

/// Paints the cluster's dark polygons, and light shapes over them, black on white with a
/// quiet zone.
fn rasterize(
    shapes: &[FilledShape],
    members: &[usize],
    elements: &[Element],
    bounds: Rect,
    module: f32,
    pixels_per_module: f32,
) -> GrayImage {
    let side = bounds.width().max(bounds.height()).max(1.0);
    let scale = (pixels_per_module / module)
        .max(MIN_RASTER_SIDE / side)
        .min(MAX_RASTER_SIDE / side);
    let margin = (4.0 * module * scale).ceil() + 8.0;
    let width = (bounds.width() * scale + 2.0 * margin).ceil() as usize;
    let height = (bounds.height() * scale + 2.0 * margin).ceil() as usize;
    let mut image = GrayImage::white(width, height);
    let to_pixels = |(x, y): (f32, f32)| {
        (
            (x - bounds.x0) * scale + margin,
            (y - bounds.y0) * scale + margin,
        )
    };
    // Dark polygons of the cluster, grouped by shape so each keeps its fill rule; light
    // shapes overlapping the cluster paint white in drawing order.
    let mut by_shape: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for &member in members {
        by_shape
            .entry(elements[member].shape)
            .or_default()
            .push(elements[member].polygon);
    }
    let first_shape = by_shape.keys().next().copied().unwrap_or(0);
    for (index, shape) in shapes.iter().enumerate() {
        let polygons: Vec<&Vec<(f32, f32)>> = if shape.dark {
            match by_shape.get(&index) {
                Some(list) => list
                    .iter()
                    .filter_map(|&polygon| shape.polygons.get(polygon))
                    .collect(),
                None => continue,
            }
        } else if index > first_shape && shape.bounds.intersection_area(&bounds) > 0.0 {
            shape.polygons.iter().collect()
        } else {
            continue;
        };
        let value = if shape.dark { 0 } else { 255 };
        fill_polygons(&mut image, &polygons, shape.even_odd, value, &to_pixels);
    }
    image
}

/// Scanline-fills polygons (pixel centres) with `value`.
fn fill_polygons(
    image: &mut GrayImage,
    polygons: &[&Vec<(f32, f32)>],
    even_odd: bool,
    value: u8,
    to_pixels: &impl Fn((f32, f32)) -> (f32, f32),
) {
    let height = image.height;
    let mut crossings: Vec<Vec<(f32, i32)>> = vec![Vec::new(); height];
    for polygon in polygons {
        let points: Vec<(f32, f32)> = polygon.iter().map(|&point| to_pixels(point)).collect();
        for (index, &(x0, y0)) in points.iter().enumerate() {
            let (x1, y1) = points[(index + 1) % points.len()];
            if (y1 - y0).abs() < f32::EPSILON {
                continue;
            }
            let direction = if y1 > y0 { 1 } else { -1 };
            let (top, bottom) = (y0.min(y1), y0.max(y1));
            let first_row = (top - 0.5).ceil().max(0.0) as usize;
            let last_row = ((bottom - 0.5).ceil().max(0.0) as usize).min(height);
            for (row, list) in crossings
                .iter_mut()
                .enumerate()
                .take(last_row)
                .skip(first_row)
            {
                let y = row as f32 + 0.5;
                let x = x0 + (y - y0) * (x1 - x0) / (y1 - y0);
                list.push((x, direction));
            }
        }
    }
    let width = image.width;
    for (row, list) in crossings.iter_mut().enumerate() {
        if list.len() < 2 {
            continue;
        }
        list.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut winding = 0i32;
        for pair in list.windows(2) {
            winding += pair[0].1;
            let inside = if even_odd {
                winding % 2 != 0
            } else {
                winding != 0
            };
            if !inside {
                continue;
            }
            let start = (pair[0].0 - 0.5).ceil().max(0.0) as usize;
            let end = ((pair[1].0 - 0.5).ceil().max(0.0) as usize).min(width);
            if start < end {
                image.pixels[row * width + start..row * width + end].fill(value);
            }
        }
    }
}
