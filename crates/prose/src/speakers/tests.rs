//! The rules together, through [`crate::quotations`], on sentences of news
//! prose that each show a few constructions.

mod indirect_speech {
    #[test]
    fn a_partial_quotation_inside_reported_speech() {
        let t = "Jacobs said that the editors’ email boxes were “flooded” with messages. Rubio said the United States \"must increase our efforts.\" Ramil Carr, 31, a Philadelphia photographer, said it was the \"perfect opportunity\" to speak.";
        let q = crate::quotations(t);
        let who: Vec<Option<&str>> = q.iter().map(|q| q.speaker.as_ref().map(|s| &t[s.mention.clone()])).collect();
        assert_eq!(who, vec![Some("Jacobs"), Some("Rubio"), Some("Ramil Carr")]);
    }
}

mod cues_in_news_prose {
    fn who(t: &str) -> Vec<Option<&str>> {
        crate::quotations(t).into_iter().map(|q| q.speaker.map(|s| &t[s.mention])).collect()
    }

    #[test]
    fn a_full_stop_inside_the_marks_ends_the_sentence() {
        let t = "Japan branded North Korea an \"outlaw nation in the neighborhood.\" Russia insisted that Pyongyang \"stop its escapades.\"";
        assert_eq!(who(t), vec![Some("Japan"), Some("Russia")]);
    }

    #[test]
    fn party_and_state_after_a_name_do_not_end_it() {
        let t = "“Mitt Romney was prepared,” Sen. Claire McCaskill (D-Mo.) said. “We are ready,” Mitch McConnell, R-Ky., said Tuesday.";
        assert_eq!(who(t), vec![Some("Sen. Claire McCaskill (D-Mo.)"), Some("Mitch McConnell")]);
    }

    #[test]
    fn told_names_the_listener_not_the_speaker() {
        let t = "“This narrative is everywhere,” Malkia Cyril, the director, told The Huffington Post.";
        assert_eq!(who(t), vec![Some("Malkia Cyril")]);
    }

    #[test]
    fn second_verbs_commas_and_reported_thoughts() {
        let t = "Charlotte Mayor Jennifer Roberts said Friday that the video should be released but said \"the question is the timing.\" \
                 \"Boots on the ground\" would be appropriate, Republican candidate Ben Carson said. \
                 Alixandria Lapp, executive director of the PAC, said she thinks Republicans \"are going to be dragged down.\" \
                 \"We see charter schools offering hope,\" the letter reads.";
        assert_eq!(
            who(t),
            vec![
                Some("Charlotte Mayor Jennifer Roberts"),
                Some("Republican candidate Ben Carson"),
                Some("Alixandria Lapp"),
                Some("the letter")
            ]
        );
    }

    #[test]
    fn two_word_cues_joined_subjects_and_a_name_with_a_colon() {
        let t = "“You know, it happens, right?” Trump went on. \
                 “They are all here for the free stuff,” Bennett shot back with a laugh. \
                 \"Sanders is filled with resentment,\" Edward-Isaac Dovere and Gabriel Debenedetti wrote.\n\n\
                 Clinton: \"Our goal is not to contain ISIS.\"";
        assert_eq!(
            who(t),
            vec![Some("Trump"), Some("Bennett"), Some("Edward-Isaac Dovere and Gabriel Debenedetti"), Some("Clinton")]
        );
    }

    #[test]
    fn a_longer_quotation_inside_a_sentence_is_its_subjects_a_scare_quote_nobodys() {
        let t = "Santilli expressed a desire to \"try, convict and shoot the lot.\"\n\nThe analysis relied on so-called \"independent\" reports.";
        assert_eq!(who(t), vec![Some("Santilli"), None]);
    }

    #[test]
    fn participles_openers_appositives_and_colons() {
        let t = "Hours later, Mayor Ortiz answered the council, telling reporters, “We have the money and we will spend it.” \
                 The crowd booed, with Ortiz reportedly shouting: “Let me finish the sentence please.” \
                 In a statement, her campaign manager, Dana Welch, said: “We expect a long count tonight.” \
                 A former governor -- Paul Reyes, who lost in 2010 -- said the plan \"will never pass the legislature.\" \
                 Said Lena Park, who runs the shelter, “We were all so proud of them.” \
                 The library, in Park’s words, “is the only warm room in town.” \
                 Reyes has since apologized for the remark: “I was wrong and I am sorry about it.” \
                 The mayor on Friday declared the week “a time for every family to give thanks.”";
        assert_eq!(
            who(t),
            vec![
                Some("Mayor Ortiz"),
                Some("Ortiz"),
                Some("Dana Welch"),
                Some("A former governor"),
                Some("Lena Park"),
                Some("Park’s"),
                Some("Reyes"),
                Some("The mayor"),
            ]
        );
    }

    #[test]
    fn a_participle_after_an_earlier_quotation_goes_to_the_sentences_subject() {
        let t = "Kerr mocked the “experts,” saying, “They never once came to see the farm themselves.” \
                 “It is over,” she said, adding, “We lost fair and square this time.”";
        assert_eq!(who(t), vec![Some("Kerr"), Some("Kerr"), Some("she"), Some("she")]);
    }

    #[test]
    fn relatives_infinitives_datelines_and_the_sentence_before() {
        let t = "“We expected more,” said Tom Ruiz, the union’s treasurer, who added that members were \"tired of waiting for the board.\" \
                 Nadia Kerr, who has in the past described the plan as “a gift to developers,” voted no. \
                 The letter goes on to say: “No family should wait a year for a hearing.”\n\n\
                 DENVER (AP) — State Sen. Ana Ruiz has taken aim at the plan, saying that it “leaves rural districts behind.”\n\n\
                 Also, the plan is not finished, she said. “We will amend it again next week.”\n\n\
                 He didn't suggest a date. “We will amend it again next week.”";
        let w = who(t);
        assert_eq!(
            w,
            vec![
                Some("Tom Ruiz"),
                Some("who"),
                Some("who"),
                Some("The letter"),
                Some("State Sen. Ana Ruiz"),
                Some("she"),
                None
            ]
        );
        let q = crate::quotations(t);
        assert_eq!(q[1].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Tom Ruiz"));
        assert_eq!(q[2].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Nadia Kerr"));
    }

    #[test]
    fn an_idiom_with_to_say_names_no_one() {
        let t = "It is safe to say that the council “will not change its mind this year.”";
        assert_eq!(who(t), vec![None]);
    }

    #[test]
    fn second_verbs_far_inversions_and_names_that_look_like_words() {
        let t = "“The hall is booked,” and the tickets went on sale last week, Gilbert said. \
                 The vote will be close, Lee said, adding, “We have counted every ballot twice.” \
                 “The plan failed in every county we studied,” From said. \
                 Rather, he said, “the plan never had a chance in the rural counties.” \
                 In a long, friendly interview with a reporter from Ohio, Lazar said he was ready and added, “I will plead guilty.”";
        assert_eq!(who(t), vec![Some("Gilbert"), Some("Lee"), Some("From"), Some("he"), Some("Lazar")]);
    }

    #[test]
    fn subjects_that_a_verb_follows() {
        let t = "On its website, the FBI lists “public safety as its first and only priority.” \
                 The Reyes ad hits the mayor for taking “more money from developers than from voters.” \
                 Here’s Reyes in 2012: “We will never raise the sales tax again.” \
                 About 21 percent said “not likely at all” in the poll.";
        assert_eq!(who(t), vec![Some("the FBI"), Some("The Reyes ad"), Some("Reyes"), Some("21 percent")]);
    }

    #[test]
    fn inversions_appositions_and_headline_credits() {
        let t = "The trouble with the plan, says Ana Ruiz, a county planner, is that it was “written for another city entirely.”\n\n\
                 “It is reminiscent of the 1970s,” the worst decade for the county, Ruiz says.\n\n\
                 Rural districts lose the most, the lawsuit says. “The formula ignores every farm east of the river.”\n\n\
                 TURNOUT WAS LOW, NOT WRONG - Ana Ruiz and Tom Lee: “The count was right and it was early.”";
        assert_eq!(who(t), vec![Some("Ana Ruiz"), Some("Ruiz"), Some("the lawsuit"), Some("Ana Ruiz and Tom Lee")]);
    }

    #[test]
    fn names_in_ing_and_an_earlier_verb() {
        let t = "King said the members will still meet, but said, “It is time we change how we meet.” \
                 A source said the parts of the network that were hacked suggested “an interest in trade secrets.”";
        assert_eq!(who(t), vec![Some("King"), Some("A source")]);
    }
}
