//! A list of HTTP statuses with the errors each answers with nested under
//! it (`* 400 - **Bad Parameters**` over `- errno 101 - Missing keys`):
//! the nested records take their item's status, and the status items, and
//! their siblings that are statuses, state their own.

use std::ops::Range;

use super::status::is_http_status;
use crate::model::{Entry, Status};

/// The records the items of one list made, with how they nest.
#[derive(Debug, Default)]
pub(super) struct ItemRecords {
    /// The items open at each depth, outermost first, each with the last
    /// record it made.
    open: Vec<(u32, Option<usize>)>,
    /// Each record of the list (its index in the part), its item's depth,
    /// and the record of the item it is nested in.
    records: Vec<(usize, u32, Option<usize>)>,
}

impl ItemRecords {
    /// An item at `depth` made the records at `made` of the part.
    pub(super) fn item(&mut self, depth: u32, made: Range<usize>) {
        while self.open.last().is_some_and(|&(open, _)| open >= depth) {
            self.open.pop();
        }
        let parent = self.open.iter().rev().find_map(|&(_, record)| record);
        self.records
            .extend(made.clone().map(|index| (index, depth, parent)));
        self.open.push((depth, made.last()));
    }

    /// The list has ended: where every outermost item that holds nested
    /// records is an HTTP status stating none, those items and their
    /// siblings that are statuses state their own, and the records nested
    /// in them take it.
    pub(super) fn finish(&mut self, entries: &mut [Entry]) {
        let records = std::mem::take(&mut self.records);
        self.open.clear();
        // The records are in the order of the part, so looked up by search:
        // a long list costs no pass per item.
        let record = |index: usize| {
            (records.binary_search_by_key(&index, |&(i, _, _)| i).ok()).map(|at| records[at])
        };
        let mut outer_parents: Vec<usize> = (records.iter())
            .filter_map(|&(_, _, parent)| parent)
            .filter(|&parent| record(parent).is_some_and(|(_, _, p)| p.is_none()))
            .collect();
        outer_parents.dedup();
        let states_none_but_is_one = |entry: Option<&Entry>| {
            entry.is_some_and(|e| {
                e.http_status.is_none() && e.code_value().is_some_and(is_http_status)
            })
        };
        if outer_parents.is_empty()
            || !(outer_parents.iter()).all(|&p| states_none_but_is_one(entries.get(p)))
        {
            return;
        }
        let mut status_depths: Vec<u32> = (outer_parents.iter())
            .filter_map(|&p| record(p).map(|(_, depth, _)| depth))
            .collect();
        status_depths.sort_unstable();
        status_depths.dedup();
        // In order, so that a record's parent has its status before it.
        for &(index, depth, parent) in &records {
            let status = match parent {
                None if status_depths.contains(&depth)
                    && states_none_but_is_one(entries.get(index)) =>
                {
                    let code = entries[index].code.as_ref().map(|c| (c.span, c.value()));
                    code.map(|(span, value)| Status::at(span, value))
                }
                Some(parent) if entries.get(index).is_some_and(|e| e.http_status.is_none()) => {
                    entries.get(parent).and_then(|p| p.http_status)
                }
                _ => None,
            };
            if let (Some(status), Some(entry)) = (status, entries.get_mut(index)) {
                entry.http_status = Some(status);
            }
        }
    }
}
