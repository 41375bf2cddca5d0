package io.hypermesh.payment.account;

import io.hypermesh.protocol.Identity;

/** Names an account before it is loaded: the ledger opens wallet and stake accounts on first use. */
public record AccountRef(String code, AccountKind kind, String owner) {

    /** The issuance account: crediting it mints, so its balance is the minted supply. */
    public static final AccountRef MINT = new AccountRef("mint", AccountKind.ISSUANCE, null);
    /** Where slashed stake goes; a holding account, so slashing conserves supply. */
    public static final AccountRef TREASURY = new AccountRef("treasury", AccountKind.TREASURY, null);

    private static final String STAKE_PREFIX = "stake/";

    public static AccountRef wallet(String identity) {
        return new AccountRef(Identity.parse(identity).value(), AccountKind.WALLET, identity);
    }

    public static AccountRef stake(String identity) {
        return new AccountRef(STAKE_PREFIX + Identity.parse(identity).value(), AccountKind.STAKE, identity);
    }

    boolean system() {
        return owner == null;
    }
}
