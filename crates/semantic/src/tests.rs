//! The encoder's plumbing, on a tiny BERT made here with random weights (the
//! model code itself creates them, so the layout is the real one), and the
//! real model where `$VERBATIM_MODEL` names it.

use super::*;
use candle_nn::VarMap;

const WORDS: &[&str] = &[
    "the", "cat", "sat", "on", "mat", "a", "dog", "ran", "in", "park", "king", "spoke", "to", "people", "and", "they",
    "listened", ".", ",", "##s",
];

/// Writes a tiny sentence-transformers model folder: a WordPiece
/// tokenizer over `WORDS`, a 2-layer BERT of width 32 with random weights,
/// mean pooling.
fn tiny_model(dir: &Path) {
    let mut vocab = serde_json::Map::new();
    for (i, w) in ["[PAD]", "[UNK]", "[CLS]", "[SEP]"].iter().chain(WORDS).enumerate() {
        vocab.insert(w.to_string(), serde_json::json!(i));
    }
    let special = |id: usize, content: &str| {
        serde_json::json!({"id": id, "content": content, "single_word": false, "lstrip": false, "rstrip": false,
                           "normalized": false, "special": true})
    };
    let tokenizer = serde_json::json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": [special(0, "[PAD]"), special(1, "[UNK]"), special(2, "[CLS]"), special(3, "[SEP]")],
        "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                       "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
        "decoder": null,
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab}
    });
    std::fs::write(dir.join("tokenizer.json"), tokenizer.to_string()).unwrap();
    let config = serde_json::json!({
        "vocab_size": 4 + WORDS.len(), "hidden_size": 32, "num_hidden_layers": 2, "num_attention_heads": 4,
        "intermediate_size": 64, "hidden_act": "gelu", "hidden_dropout_prob": 0.0, "max_position_embeddings": 64,
        "type_vocab_size": 2, "initializer_range": 0.02, "layer_norm_eps": 1e-12, "pad_token_id": 0
    });
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    std::fs::create_dir_all(dir.join("1_Pooling")).unwrap();
    std::fs::write(dir.join("1_Pooling/config.json"), r#"{"pooling_mode_mean_tokens": true}"#).unwrap();
    std::fs::write(dir.join("sentence_bert_config.json"), r#"{"max_seq_length": 16}"#).unwrap();
    let cfg: Config = serde_json::from_value(config).unwrap();
    let vars = VarMap::new();
    let vb = VarBuilder::from_varmap(&vars, DType::F32, &Device::Cpu);
    BertModel::load(vb, &cfg).unwrap();
    vars.save(dir.join("model.safetensors")).unwrap();
}

fn tiny() -> (tempfile::TempDir, Encoder) {
    let dir = tempfile::tempdir().unwrap();
    tiny_model(dir.path());
    let enc = Encoder::load(dir.path()).unwrap();
    (dir, enc)
}

#[test]
fn vectors_are_unit_length_of_the_model_width() {
    let (_d, enc) = tiny();
    let v = enc.embed(&["the cat sat on the mat", "a dog", ""]).unwrap();
    assert_eq!(v.len(), 3);
    for x in &v {
        assert_eq!(x.len(), 32);
        assert!((cosine(x, x) - 1.0).abs() < 1e-5);
    }
    assert!(enc.embed(&[]).unwrap().is_empty());
}

#[test]
fn a_text_has_one_vector_whatever_its_batch() {
    // padding must not leak into the mean: the same text alone, beside a
    // longer one, and in the other order gives the same vector
    let (_d, enc) = tiny();
    let alone = enc.embed(&["a dog ran"]).unwrap().remove(0);
    let batch = enc.embed(&["the king spoke to the people and they listened", "a dog ran", "cat"]).unwrap();
    assert!((cosine(&alone, &batch[1]) - 1.0).abs() < 1e-5);
    let again = enc.embed(&["cat", "a dog ran", "the king spoke to the people and they listened"]).unwrap();
    for (a, b) in [(&batch[0], &again[2]), (&batch[1], &again[1]), (&batch[2], &again[0])] {
        assert!((cosine(a, b) - 1.0).abs() < 1e-5);
    }
    // different texts differ
    assert!(cosine(&batch[0], &batch[2]) < 0.9999);
}

#[test]
fn a_text_has_a_unit_vector_for_each_word_piece() {
    let (_d, enc) = tiny();
    let e = enc.embed_tokens(&["the cat sat", "a dog ran in park", ""]).unwrap();
    // the tiny vocabulary holds these words whole: one piece a word, and
    // neither [CLS] nor [SEP] nor the padding of the shorter texts
    assert_eq!(e.iter().map(|x| x.tokens.len()).collect::<Vec<_>>(), [3, 5, 0]);
    for t in e.iter().flat_map(|x| &x.tokens) {
        assert_eq!(t.len(), 32);
        assert!((cosine(t, t) - 1.0).abs() < 1e-5);
    }
    // the same vector for the text as `embed` gives
    let v = enc.embed(&["the cat sat"]).unwrap();
    assert!((cosine(&v[0], &e[0].text) - 1.0).abs() < 1e-5);
}

#[test]
fn token_match_is_bertscore_f1() {
    let unit = |x: f32, y: f32| {
        let n = (x * x + y * y).sqrt();
        vec![x / n, y / n]
    };
    let (a, b, c) = (unit(1.0, 0.0), unit(0.0, 1.0), unit(1.0, 1.0));
    let tm = |x: &[&Vec<f32>], y: &[&Vec<f32>]| {
        let own = |v: &[&Vec<f32>]| v.iter().map(|t| t.to_vec()).collect::<Vec<_>>();
        token_match(&own(x), &own(y))
    };
    // the same pieces, in any order: 1
    assert!((tm(&[&a, &b], &[&b, &a]) - 1.0).abs() < 1e-6);
    // nothing in common: 0
    assert!(tm(&[&a], &[&b]).abs() < 1e-6);
    // a piece the other side lacks lowers one side's mean: recall 1 (a is
    // matched), precision (1 + 0) / 2, F1 2/3
    assert!((tm(&[&a], &[&a, &b]) - 2.0 / 3.0).abs() < 1e-6);
    // symmetric, and a near piece counts by its cosine
    let x = tm(&[&a, &c], &[&a]);
    assert!((x - tm(&[&a], &[&a, &c])).abs() < 1e-6);
    let p = (1.0 + std::f32::consts::FRAC_1_SQRT_2) / 2.0;
    assert!((x - 2.0 * p / (p + 1.0)).abs() < 1e-6);
    // an empty side matches nothing
    assert_eq!(tm(&[], &[&a]), 0.0);
}

#[test]
fn ordered_match_keeps_both_orders() {
    let unit = |x: f32, y: f32, z: f32| {
        let n = (x * x + y * y + z * z).sqrt();
        vec![x / n, y / n, z / n]
    };
    let (a, b, c) = (unit(1.0, 0.0, 0.0), unit(0.0, 1.0, 0.0), unit(0.0, 0.0, 1.0));
    let om = |x: &[&Vec<f32>], y: &[&Vec<f32>], floor: f32| {
        let own = |v: &[&Vec<f32>]| v.iter().map(|t| t.to_vec()).collect::<Vec<_>>();
        ordered_match(&own(x), &own(y), floor)
    };
    // a text with itself: 1, whatever the floor
    for floor in [0.0, 0.5, 0.9] {
        assert!((om(&[&a, &b, &c], &[&a, &b, &c], floor) - 1.0).abs() < 1e-6);
    }
    // the same pieces in reverse order: one pair kept of three, where
    // BERTScore, blind to order, gives 1
    assert!((om(&[&a, &b, &c], &[&c, &b, &a], 0.5) - 1.0 / 3.0).abs() < 1e-6);
    let own = |v: &[&Vec<f32>]| v.iter().map(|t| t.to_vec()).collect::<Vec<_>>();
    assert!((token_match(&own(&[&a, &b, &c]), &own(&[&c, &b, &a])) - 1.0).abs() < 1e-6);
    // a piece the other side lacks adds nothing and costs its share of the
    // mean length: 2 pairs over (2 + 3) / 2
    assert!((om(&[&a, &c], &[&a, &b, &c], 0.5) - 2.0 / 2.5).abs() < 1e-6);
    // one to one: a piece said twice on one side is matched once
    assert!((om(&[&a, &a], &[&a], 0.5) - 1.0 / 1.5).abs() < 1e-6);
    // a pair at the floor or below counts for nothing
    let near = unit(1.0, 1.0, 0.0); // cosine 0.707 with `a`
    assert_eq!(om(&[&a], &[&near], 0.75), 0.0);
    assert_eq!(om(&[&a], &[&b], 0.0), 0.0);
    // the best matching, not the first: taking `b` with the first `b`
    // would leave `a` nothing after it; `a` then the second `b` keeps two
    assert!((om(&[&a, &b], &[&b, &a, &b], 0.5) - 2.0 / 2.5).abs() < 1e-6);
    // no floor at 1 or above leaves anything to count
    assert_eq!(om(&[&a], &[&a], 1.0), 0.0);
    let x = om(&[&a], &[&near], 0.5);
    assert!((x - (std::f32::consts::FRAC_1_SQRT_2 - 0.5) / 0.5).abs() < 1e-6, "{x}");
    // symmetric
    assert!((om(&[&a, &c, &b], &[&b, &a, &c], 0.5) - om(&[&b, &a, &c], &[&a, &c, &b], 0.5)).abs() < 1e-6);
    // an empty side matches nothing
    assert_eq!(om(&[], &[&a], 0.5), 0.0);
}

#[test]
fn long_texts_are_cut_at_the_model_length() {
    let (_d, enc) = tiny();
    let long = "the cat sat on the mat and ".repeat(40);
    // 16 tokens at most: the same vector as its first 14 words plus [CLS] and [SEP]
    let first: Vec<&str> = long.split_whitespace().take(14).collect();
    let v = enc.embed(&[long.as_str(), &first.join(" ")]).unwrap();
    assert!((cosine(&v[0], &v[1]) - 1.0).abs() < 1e-5);
}

#[test]
fn a_broken_model_folder_is_named_with_its_problem() {
    let missing = Path::new("/nonexistent/model");
    let e = Encoder::load(missing).unwrap_err().to_string();
    assert!(e.contains("/nonexistent/model") && e.contains("no such folder"), "{e}");

    let dir = tempfile::tempdir().unwrap();
    tiny_model(dir.path());
    std::fs::write(dir.path().join("config.json"), "{ not json").unwrap();
    let e = Encoder::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("config.json") && e.contains("not valid JSON"), "{e}");

    tiny_model(dir.path());
    std::fs::write(dir.path().join("1_Pooling/config.json"), r#"{"pooling_mode_cls_token": true}"#).unwrap();
    let e = Encoder::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("pools otherwise"), "{e}");

    tiny_model(dir.path());
    std::fs::remove_file(dir.path().join("model.safetensors")).unwrap();
    let e = Encoder::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("model.safetensors") && e.contains("missing"), "{e}");
}

#[test]
fn a_named_folder_is_used_even_when_missing() {
    let p = Path::new("/somewhere/else");
    assert_eq!(locate(Some(p)), Located::Given(p.to_path_buf()));
    assert_eq!(locate(Some(p)).dir(), Some(p));
}

/// The real all-MiniLM-L6-v2 (`$VERBATIM_MODEL`; `.ci/run` installs it from
/// PyPI): a paraphrase is nearer than a sentence on another subject. Fails,
/// rather than passes unchecked, when the model is not there.
#[test]
#[ignore = "needs the model named by $VERBATIM_MODEL"]
fn the_real_model_puts_paraphrases_near() {
    let dir = std::env::var_os(MODEL_ENV).expect("set $VERBATIM_MODEL to the all-MiniLM-L6-v2 folder");
    let enc = Encoder::load(Path::new(&dir)).unwrap();
    assert_eq!(enc.dim(), 384);
    let v = enc
        .embed(&[
            "The new movie is awesome.",
            "The new film is really great.",
            "The committee approved the budget for next year.",
        ])
        .unwrap();
    let same = cosine(&v[0], &v[1]);
    let other = cosine(&v[0], &v[2]);
    assert!(same > 0.7 && other < 0.2, "same {same}, other {other}");
}

/// The real model, piece by piece: a verse said in present-day words
/// matches its King James wording better than the verse beside it, which
/// is on the same subject and shares words with it.
#[test]
#[ignore = "needs the model named by $VERBATIM_MODEL"]
fn the_real_model_matches_a_paraphrase_piece_by_piece() {
    let dir = std::env::var_os(MODEL_ENV).expect("set $VERBATIM_MODEL to the all-MiniLM-L6-v2 folder");
    let enc = Encoder::load(Path::new(&dir)).unwrap();
    let e = enc
        .embed_tokens(&[
            "The heavens declare the glory of God. The expanse shows his handiwork.",
            "The heavens declare the glory of God; and the firmament sheweth his handywork.",
            "Day unto day uttereth speech, and night unto night sheweth knowledge.",
        ])
        .unwrap();
    let same = token_match(&e[0].tokens, &e[1].tokens);
    let next = token_match(&e[0].tokens, &e[2].tokens);
    assert!(same > next + 0.1, "same {same}, next {next}");
}
