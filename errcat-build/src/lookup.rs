//! The hash tables behind the generated `from_code` and `from_name`.
//!
//! errcat-build fills the tables ([`table`]); the generated code probes
//! them. Both sides must agree on the hashes and on the order slots are
//! tried, so those are defined once, here, and the emitter writes the very
//! same items into every generated file ([`generated_items`]).
//!
//! A table has a power-of-two number of slots, at least twice the number of
//! keys: a slot holds a key's position plus one, 0 marks an empty slot, and
//! a key lives in the first free slot from the one its hash picks. Static
//! open addressing beats a binary search (no chain of dependent loads) and
//! a `HashMap` (no SipHash, no first-call set-up); see BENCHMARKS.md.
//!
//! Tables and text offsets, which nobody reads, are stored as byte strings
//! of little-endian `u32`s: one literal instead of one per number, which
//! rustc compiles and errcat-build formats many times faster.

/// Compiles the items into errcat-build and keeps their tokens for the
/// generated code, so the table builder and the lookups cannot drift apart.
macro_rules! shared_with_generated_code {
    ($($items:tt)*) => {
        $($items)*

        /// The shared items, as the emitter writes them into generated code.
        pub(crate) fn generated_items() -> proc_macro2::TokenStream {
            quote::quote! { $($items)* }
        }
    };
}

shared_with_generated_code! {
    /// Hashes a numeric code (Fibonacci hashing: the top bits, which pick
    /// the slot, depend on every bit of the code).
    pub fn hash_number(code: i64) -> u64 {
        (code as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// Hashes a name or a symbolic code eight bytes at a time (the last
    /// word overlapping the one before, rather than copied out), finished
    /// with a multiply so the top bits depend on every byte.
    pub fn hash_text(text: &str) -> u64 {
        const K: u64 = 0xF135_7AEA_2E62_A9C5;
        let bytes = text.as_bytes();
        let word = |at: usize| {
            let mut word = [0; 8];
            word.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(word)
        };
        let mix = |hash: u64, word: u64| (hash ^ word).wrapping_mul(K).rotate_left(26);
        let mut hash = (bytes.len() as u64).wrapping_mul(K);
        if bytes.len() >= 8 {
            let mut at = 0;
            while at + 8 < bytes.len() {
                hash = mix(hash, word(at));
                at += 8;
            }
            hash = mix(hash, word(bytes.len() - 8));
        } else {
            let short = bytes
                .iter()
                .enumerate()
                .fold(0, |word, (i, &byte)| word | u64::from(byte) << (8 * i));
            hash = mix(hash, short);
        }
        hash.wrapping_mul(K)
    }

    /// The slots to try for a hash in a table of `len` slots (a power of
    /// two, at least 2): the one the hash's top bits pick, then the
    /// following ones, wrapping around.
    pub fn probes(hash: u64, len: usize) -> impl Iterator<Item = usize> {
        let home = (hash >> (64 - len.trailing_zeros())) as usize;
        (0..len).map(move |step| (home + step) & (len - 1))
    }

    /// Number `index` of a column of `u32`s stored as little-endian bytes.
    pub fn number(column: &[u8], index: usize) -> u32 {
        u32::from_le_bytes(column.as_chunks::<4>().0[index])
    }

    /// The position of the key whose hash is `hash` in a table of slots
    /// (a column of numbers), where `is_key` tells whether the key at a
    /// position is the one sought.
    pub fn find(slots: &[u8], hash: u64, is_key: impl Fn(usize) -> bool) -> Option<usize> {
        probes(hash, slots.len() / 4)
            .map(|slot| number(slots, slot))
            .take_while(|&entry| entry != 0)
            .map(|entry| entry as usize - 1)
            .find(|&position| is_key(position))
    }

    /// Where text `index` of a column lies: texts are stored as one string
    /// and the offset where each ends (a column of numbers), one literal
    /// instead of one per text, which rustc compiles many times faster.
    pub fn text_range(ends: &[u8], index: usize) -> core::ops::Range<usize> {
        let start = match index {
            0 => 0,
            _ => number(ends, index - 1) as usize,
        };
        start..number(ends, index) as usize
    }

    /// Text `index` of a column (see [`text_range`]).
    pub fn text(texts: &'static str, ends: &[u8], index: usize) -> &'static str {
        &texts[text_range(ends, index)]
    }

    /// Whether text `index` of a column is `text`: bytes compared, no
    /// character boundaries to check.
    pub fn text_is(texts: &str, ends: &[u8], index: usize, text: &str) -> bool {
        texts.as_bytes()[text_range(ends, index)] == *text.as_bytes()
    }
}

/// A column of numbers as [`number`] reads it.
pub fn number_column(numbers: &[u32]) -> Vec<u8> {
    numbers.iter().flat_map(|n| n.to_le_bytes()).collect()
}

/// The slots of a table holding keys with these hashes, in position order.
/// When two keys are equal the first one is found, as its slot comes first.
pub fn table(hashes: impl ExactSizeIterator<Item = u64>) -> Vec<u32> {
    let len = (hashes.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![0; len];
    for (position, hash) in hashes.enumerate() {
        // At most half the slots are taken, so a free one always exists.
        if let Some(slot) = probes(hash, len).find(|&slot| slots[slot] == 0) {
            slots[slot] = u32::try_from(position + 1).expect("fewer than 2^32 codes");
        }
    }
    slots
}

/// A column of texts as one string and the offset where each text ends.
pub fn text_column<'a>(texts: impl Iterator<Item = &'a str>) -> (String, Vec<u32>) {
    let mut joined = String::new();
    let mut ends = Vec::new();
    for text in texts {
        joined.push_str(text);
        ends.push(u32::try_from(joined.len()).expect("catalogue texts under 4 GiB"));
    }
    (joined, ends)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_at_its_position_and_others_are_not() {
        let codes: Vec<i64> = (0..5000).map(|i| 40_000_000 + i * 100).collect();
        let slots = number_column(&table(codes.iter().map(|&code| hash_number(code))));
        assert_eq!(slots.len(), 16384 * 4);
        for (position, &code) in codes.iter().enumerate() {
            let found = find(&slots, hash_number(code), |p| codes[p] == code);
            assert_eq!(found, Some(position));
        }
        assert_eq!(
            find(&slots, hash_number(40_000_050), |p| codes[p] == 40_000_050),
            None
        );

        let names = [
            "",
            "A",
            "USER_NOT_FOUND",
            "用户不存在",
            "exactly8",
            "longer than eight bytes",
        ];
        let slots = number_column(&table(names.iter().map(|name| hash_text(name))));
        assert_eq!(slots.len(), 16 * 4);
        for (position, name) in names.iter().enumerate() {
            assert_eq!(
                find(&slots, hash_text(name), |p| names[p] == *name),
                Some(position)
            );
        }
        assert_eq!(
            find(&slots, hash_text("USER_NOT_FOUNDX"), |p| names[p]
                == "USER_NOT_FOUNDX"),
            None
        );
    }

    #[test]
    fn equal_keys_find_the_first() {
        let slots = number_column(&table([7, 7, 7].into_iter()));
        assert_eq!(find(&slots, 7, |_| true), Some(0));
    }

    #[test]
    fn text_columns_slice_back_into_their_texts() {
        let texts = ["密码错误", "", "a|b"];
        let (joined, ends) = text_column(texts.into_iter());
        let joined: &'static str = joined.leak();
        assert_eq!(ends, [12, 12, 15]);
        let ends = number_column(&ends);
        let back: Vec<&str> = (0..3).map(|i| text(joined, &ends, i)).collect();
        assert_eq!(back, texts);
    }

    /// Slots tried per key found: how far past its home slot each key sits.
    fn distances(slots: &[u32], hashes: &[u64]) -> Vec<usize> {
        hashes
            .iter()
            .enumerate()
            .map(|(position, &hash)| {
                probes(hash, slots.len())
                    .position(|slot| slots[slot] as usize == position + 1)
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn catalogue_shaped_keys_sit_near_their_home_slot() {
        // Codes in runs per status, sparse codes, and names sharing long
        // prefixes, as real catalogues have them.
        let runs: Vec<i64> = (0..100_000)
            .map(|i| (400 + i % 9) * 100_000 + i / 9)
            .collect();
        let sparse: Vec<i64> = (0..100_000).map(|i| 10_000_000 + i * 1000).collect();
        let names: Vec<String> = (0..100_000)
            .map(|i| format!("GET_RESOURCE_{i}_ERROR"))
            .collect();
        let keys: [(&str, Vec<u64>); 3] = [
            ("runs", runs.iter().map(|&c| hash_number(c)).collect()),
            ("sparse", sparse.iter().map(|&c| hash_number(c)).collect()),
            ("names", names.iter().map(|n| hash_text(n)).collect()),
        ];
        for (label, hashes) in keys {
            let slots = table(hashes.iter().copied());
            let distances = distances(&slots, &hashes);
            let mean = distances.iter().sum::<usize>() as f64 / distances.len() as f64;
            let longest = distances.iter().max().unwrap();
            assert!(mean < 0.5, "{label}: mean distance {mean}");
            assert!(*longest < 32, "{label}: longest distance {longest}");
        }
    }
}
