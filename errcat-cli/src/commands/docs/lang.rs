//! The language of catalogue texts, told by the script they are written
//! in: enough for `lang` to pick fonts, voices and line breaking, and
//! honest about what it is. It cannot tell English from French, nor
//! Chinese from Japanese written in kanji alone.

/// A language a script points to, as a BCP 47 tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    En,
    Zh,
    Ja,
    Ko,
    Ru,
}

impl Lang {
    /// In the order that wins a tie.
    const ALL: [Lang; 5] = [Lang::En, Lang::Zh, Lang::Ja, Lang::Ko, Lang::Ru];

    pub(super) fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Ru => "ru",
        }
    }

    /// The language of one text: kana make it Japanese even beside kanji,
    /// Hangul Korean, Han alone Chinese, Cyrillic Russian, Latin letters
    /// English. A text with none of these (digits, punctuation) has none.
    pub(super) fn of(text: &str) -> Option<Lang> {
        let (mut kana, mut hangul, mut han, mut cyrillic, mut latin) =
            (false, false, false, false, false);
        for c in text.chars() {
            match u32::from(c) {
                0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => kana = true,
                0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => hangul = true,
                0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => {
                    han = true;
                }
                0x0400..=0x052F => cyrillic = true,
                _ if c.is_ascii_alphabetic() => latin = true,
                0x00C0..=0x024F => latin = true,
                _ => {}
            }
        }
        [
            (kana, Lang::Ja),
            (hangul, Lang::Ko),
            (han, Lang::Zh),
            (cyrillic, Lang::Ru),
            (latin, Lang::En),
        ]
        .into_iter()
        .find_map(|(seen, lang)| seen.then_some(lang))
    }
}

/// Counts the languages of texts, one vote each: a catalogue of Chinese
/// messages that name `project` or `Pod` stays Chinese.
#[derive(Debug, Default, Clone)]
pub(super) struct Votes([usize; 5]);

impl Votes {
    pub(super) fn add(&mut self, text: &str) {
        if let Some(lang) = Lang::of(text) {
            self.0[lang as usize] += 1;
        }
    }

    pub(super) fn merge(&mut self, other: &Votes) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }

    /// The language with the most votes, ties to the first of
    /// [`Lang::ALL`]; none without a vote.
    pub(super) fn majority(&self) -> Option<Lang> {
        let mut best: Option<Lang> = None;
        for lang in Lang::ALL {
            let votes = self.0[lang as usize];
            if votes > 0 && best.is_none_or(|b| votes > self.0[b as usize]) {
                best = Some(lang);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_told_by_its_script() {
        assert_eq!(Lang::of("project项目id不存在"), Some(Lang::Zh));
        assert_eq!(Lang::of("ユーザーが見つかりません"), Some(Lang::Ja));
        // Kanji beside kana: Japanese.
        assert_eq!(Lang::of("認証に失敗しました"), Some(Lang::Ja));
        assert_eq!(Lang::of("사용자를 찾을 수 없습니다"), Some(Lang::Ko));
        assert_eq!(Lang::of("Пользователь не найден"), Some(Lang::Ru));
        assert_eq!(Lang::of("User not found"), Some(Lang::En));
        assert_eq!(Lang::of("Café fermé"), Some(Lang::En));
        assert_eq!(Lang::of("404 — ?"), None);
        assert_eq!(Lang::of(""), None);
    }

    #[test]
    fn the_majority_of_texts_decides() {
        let mut votes = Votes::default();
        assert_eq!(votes.majority(), None);
        for text in [
            "参数不合法",
            "记录不存在",
            "Websocket 相关错误",
            "TOKEN invalid",
            "12",
        ] {
            votes.add(text);
        }
        assert_eq!(votes.majority(), Some(Lang::Zh));
        let mut tie = Votes::default();
        tie.add("Пользователь не найден");
        tie.add("User not found");
        assert_eq!(tie.majority(), Some(Lang::En));
        tie.merge(&votes);
        assert_eq!(tie.majority(), Some(Lang::Zh));
    }
}
