package io.hypermesh.payment.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final String ALICE = "hm1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String BOB = "hm1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldBuildAMovementWhoseLegsSumToZero() {
        JournalEntry entry = JournalEntry.move(EntryKind.TRANSFER, AccountRef.wallet(ALICE), AccountRef.wallet(BOB),
                Money.ofMicro(42), "rent", ALICE, NOW);

        assertThat(entry.legs()).extracting(JournalEntry.Leg::amount).containsExactly(-42L, 42L);
        assertThat(entry.legs().stream().mapToLong(JournalEntry.Leg::amount).sum()).isZero();
    }

    @Test
    void shouldRefuseAnUnbalancedEntry() {
        List<JournalEntry.Leg> legs = List.of(new JournalEntry.Leg(AccountRef.wallet(ALICE), -42),
                new JournalEntry.Leg(AccountRef.wallet(BOB), 41));

        assertThatThrownBy(() -> new JournalEntry(EntryKind.TRANSFER, null, ALICE, NOW, legs))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance");
    }

    @Test
    void shouldRefuseEntriesWithOneLegZeroLegsOrOneAccountTwice() {
        assertThatThrownBy(() -> new JournalEntry(EntryKind.MINT, null, ALICE, NOW,
                List.of(new JournalEntry.Leg(AccountRef.MINT, 0), new JournalEntry.Leg(AccountRef.wallet(ALICE), 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalEntry(EntryKind.MINT, null, ALICE, NOW, List.of(new JournalEntry.Leg(AccountRef.MINT, 5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JournalEntry.move(EntryKind.TRANSFER, AccountRef.wallet(ALICE), AccountRef.wallet(ALICE),
                Money.ofMicro(1), null, ALICE, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetMintingRaiseTheIssuanceAccountAndTheWalletAlike() {
        JournalEntry minting = JournalEntry.move(EntryKind.MINT, AccountRef.MINT, AccountRef.wallet(ALICE),
                Money.ofMicro(10), null, "op", NOW);

        assertThat(AccountKind.ISSUANCE.balanceChange(minting.legs().get(0).amount())).isEqualTo(10);
        assertThat(AccountKind.WALLET.balanceChange(minting.legs().get(1).amount())).isEqualTo(10);
        assertThat(AccountKind.WALLET.balanceChange(-11)).isEqualTo(-11);
    }
}
