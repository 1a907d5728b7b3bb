//! Days written out in the reader's language: "2 December 2026", "2 de
//! diciembre de 2026", "2 décembre 2026", "2 de dezembro de 2026". The
//! month names and the order are messages (`month-1` … `month-12`,
//! `date-long`), so each language's file decides them.

use time::Date;

use super::Lang;

impl Lang {
    /// `date` as a person writes it in this language.
    pub fn date(self, date: Date) -> String {
        let month = self.text(&format!("month-{}", u8::from(date.month())), &[]);
        crate::t!(
            self,
            "date-long",
            day = date.day(),
            month = month,
            year = date.year().to_string()
        )
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn each_language_writes_the_day_its_way() {
        let day = date!(2026 - 12 - 02);
        assert_eq!(Lang::En.date(day), "2 December 2026");
        assert_eq!(Lang::Es.date(day), "2 de diciembre de 2026");
        assert_eq!(Lang::Fr.date(day), "2 décembre 2026");
        assert_eq!(Lang::Pt.date(day), "2 de dezembro de 2026");
        assert_eq!(Lang::Fr.date(date!(2027 - 01 - 01)), "1er janvier 2027");
        assert_eq!(Lang::Es.date(date!(2027 - 05 - 31)), "31 de mayo de 2027");
    }
}
