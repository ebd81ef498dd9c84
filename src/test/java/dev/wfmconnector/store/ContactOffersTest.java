package dev.wfmconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

class ContactOffersTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @OnBothDatabases
    void offersAreKeptPerGroupWithTheEarliestOfferAndPrunedByAge(TestDatabase db) {
        ContactOffers offers = new ContactOffers(db.jdbc());
        assertThat(offers.all("emea")).isEmpty();
        offers.keep("emea", List.of());

        offers.keep("EMEA", List.of(new ContactOffer("0Mw000000000001AAA", "00G000000000001AAA", T),
                new ContactOffer("0Mw000000000002AAA", "00G000000000001AAA", T.plusSeconds(60))));
        offers.keep("emea", List.of(
                new ContactOffer("0Mw000000000001AAA", "00G000000000001AAA", T.plusSeconds(3600)),  // later: ignored
                new ContactOffer("0Mw000000000002AAA", "00G000000000001AAA", T.minusSeconds(30)),   // earlier: kept
                new ContactOffer("0Mw000000000001AAA", "00G000000000002AAA", T.plusSeconds(120)))); // another queue
        offers.keep("apac", List.of(new ContactOffer("0Mw000000000009AAA", "00G000000000009AAA", T)));

        assertThat(offers.all("emea")).containsExactly(
                new ContactOffer("0Mw000000000001AAA", "00G000000000001AAA", T),
                new ContactOffer("0Mw000000000001AAA", "00G000000000002AAA", T.plusSeconds(120)),
                new ContactOffer("0Mw000000000002AAA", "00G000000000001AAA", T.minusSeconds(30)));

        assertThat(offers.prune("emea", T.plusSeconds(1))).isEqualTo(2);
        assertThat(offers.all("emea")).extracting(ContactOffer::queueId).containsExactly("00G000000000002AAA");
        assertThat(offers.all("apac")).hasSize(1);
    }
}
