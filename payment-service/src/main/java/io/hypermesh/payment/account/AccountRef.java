package io.hypermesh.payment.account;

import io.hypermesh.protocol.Identity;
import java.util.UUID;

/** Names an account before it is loaded: the ledger opens wallet and stake accounts on first use. */
public record AccountRef(String code, AccountKind kind, String owner) {

    /** The issuance account: crediting it mints, so its balance is the minted supply. */
    public static final AccountRef MINT = new AccountRef("mint", AccountKind.ISSUANCE, null);
    /** Where slashed stake goes; a holding account, so slashing conserves supply. */
    public static final AccountRef TREASURY = new AccountRef("treasury", AccountKind.TREASURY, null);

    /** Where settlements pay the platform fee; a holding account. */
    public static final AccountRef PLATFORM_FEES = new AccountRef("platform-fees", AccountKind.PLATFORM_FEES, null);

    private static final String STAKE_PREFIX = "stake/";
    private static final String ESCROW_PREFIX = "escrow/";

    public static AccountRef wallet(String identity) {
        return new AccountRef(Identity.parse(identity).value(), AccountKind.WALLET, identity);
    }

    public static AccountRef stake(String identity) {
        return new AccountRef(STAKE_PREFIX + Identity.parse(identity).value(), AccountKind.STAKE, identity);
    }

    /** One account per hold, owned by the client whose CAES it locks: no hold waits on another's row lock. */
    public static AccountRef escrow(UUID escrowId, String client) {
        return new AccountRef(ESCROW_PREFIX + escrowId, AccountKind.ESCROW, Identity.parse(client).value());
    }

    boolean system() {
        return owner == null;
    }
}
