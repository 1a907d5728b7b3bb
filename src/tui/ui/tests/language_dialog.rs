//! The language dialog at 80×24 in each language, over the list: every
//! choice whole, each language named in its own words.

use super::*;
use crate::i18n::Lang;
use crate::tui::action::{self, Context};

#[test]
fn the_language_dialog_in_every_language() {
    for lang in Lang::ALL {
        let (_temp, mut app) = open((80, 24), true);
        app.config.lang = lang;
        app.update(Action::Language);
        assert_eq!(app.context(), Context::Language);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let text = text_of(buffer);
        for name in ["English", "español", "français", "português"] {
            assert!(text.contains(name), "{lang:?}: {name} not shown");
        }
        let footer: String = (0..buffer.area.width)
            .map(|x| buffer[(x, buffer.area.height - 1)].symbol())
            .collect();
        for (keys, what) in action::footer(Context::Language) {
            let shown = format!("{keys} {}", crate::t!(lang, what));
            assert!(
                footer.contains(&shown),
                "{lang:?}: {shown:?} not in {footer:?}"
            );
        }
        let name = format!("language_dialog_{}_80x24", lang.code());
        insta::assert_snapshot!(name, terminal.backend());
    }
}
