// Shared by the reader targets: what every source must satisfy.
use verbatim_model::Source;

pub fn source(s: &Source) {
    for q in &s.quotations {
        assert!(q.start <= q.end && q.end <= s.text.len(), "quotation {}..{} outside text of {}", q.start, q.end, s.text.len());
        assert!(s.text.is_char_boundary(q.start) && s.text.is_char_boundary(q.end), "quotation not on char boundaries");
    }
}
