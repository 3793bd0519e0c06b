package io.reflex.engine.policy.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    /** libsodium test/default/pwhash_scrypt.c, tv3 entry 9 (N = 2^12, r = 8, p = 3). */
    private static final String LIBSODIUM_PASSWORD = "Y0!?iQa9M%5ekffW(`";
    private static final String LIBSODIUM_HASH =
            "$7$A6....1....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5";

    /** libsodium tv3 entry 3 (N = 2^10, p = 20). */
    private static final String LIBSODIUM_PASSWORD_2 =
            "2vj;Um]FKOL27oam(:Uo8+UmSTvb1FD*h?jk_,S=;RDgF-$Fjk?]9yvfxe@fN^!NN(Cuml?+2Raa";
    private static final String LIBSODIUM_HASH_2 =
            "$7$86....I....7XwIxLtCx4VphmFeUa6OGuGJrFaIaYzDiLNu/tyUPhD$U3q5GCEqCWxMwh.YQHDJrlg7FIZgViv9pcXE3h1vg61";

    /** PyNaCl's documentation example, made with the interactive limits the engine uses. */
    private static final String PYNACL_HASH =
            "$7$C6..../....qv5tF9KG2WbuMeUOa0TCoqwLHQ8s0TjQdSagne9NvU0$3d218uChMvdvN6EwSvKHMASkZIG51XPIsZQDcktKyN7";

    @Test
    void verifiesLibsodiumTestVectors() {
        assertThat(PasswordHash.verify(LIBSODIUM_HASH, LIBSODIUM_PASSWORD)).isTrue();
        assertThat(PasswordHash.verify(LIBSODIUM_HASH_2, LIBSODIUM_PASSWORD_2)).isTrue();
    }

    @Test
    void refusesWrongPasswordForLibsodiumVector() {
        assertThat(PasswordHash.verify(LIBSODIUM_HASH, LIBSODIUM_PASSWORD + "x")).isFalse();
    }

    @Test
    void verifiesPyNaclInteractiveHash() {
        assertThat(PasswordHash.verify(PYNACL_HASH, "my password")).isTrue();
        assertThat(PasswordHash.verify(PYNACL_HASH, "My password")).isFalse();
    }

    @Test
    void computesScryptPaperVectorInCryptFormat() {
        // The scrypt paper's "pleaseletmein"/"SodiumChloride" vector as written by escrypt (short salt,
        // so only the raw computation accepts it; verify() insists on libsodium's full length).
        String result = Escrypt.compute(
                "pleaseletmein".getBytes(StandardCharsets.UTF_8), "$7$C6..../....SodiumChloride");
        assertThat(result).isEqualTo("$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D");
    }

    /** Invalid strings from libsodium's tv3 list: every one must fail to verify. */
    @ParameterizedTest
    @ValueSource(strings = {
        "$7$A6....1....$TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5",
        "$7$.6....1....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5",
        "$7$A.....1....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5",
        "$7$A6.........TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5",
        "$7$A6....1....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i44269$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AH",
        "$7$A6....1....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx54269",
        "$7^A6....1....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5",
        "$7$!6....1....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5",
        "$7$A!....1....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5",
        "$7$A6....!....TrXs5Zk6s8sWHpQgWDIXTR8kUU3s6Jc3s.DtdS8M2i4$a4ik5hGDN7foMuHOW.cp.CtX01UyCeO0.JAG.AHPpx5",
        "$7$A6....1",
        "$7$",
        "",
        "$7$z6..../.....lgPchkGHqbeONR/xtuXyjCrt9kUSg6NlKFQO0OSxo/$.DbajbPYH9T7sg3fOtcgxvJzzfIgJBIxMkeQ8b24YQ.",
        "$7$8zzzzz/.....lgPchkGHqbeONR/xtuXyjCrt9kUSg6NlKFQO0OSxo/$.DbajbPYH9T7sg3fOtcgxvJzzfIgJBIxMkeQ8b24YQ.",
        "$7$8.....zzzzz.lgPchkGHqbeONR/xtuXyjCrt9kUSg6NlKFQO0OSxo/$.DbajbPYH9T7sg3fOtcgxvJzzfIgJBIxMkeQ8b24YQ.",
        "$7$86..../..../lgPchkGHqbeONR/xtuXyjCrt9kUSg6NlKFQO0OSxo/$.DbajbPYH9T7sg3fOtcgxvJzzfIgJBIxMkeQ8b24YQ."
    })
    void refusesLibsodiumInvalidStrings(String hash) {
        assertThat(PasswordHash.verify(hash, LIBSODIUM_PASSWORD)).isFalse();
        assertThat(PasswordHash.verify(hash, "test")).isFalse();
    }

    @Test
    void hashUsesInteractiveSettingsAndVerifies() {
        String hash = PasswordHash.hash("Correct Horse Battery Staple");

        assertThat(hash).hasSize(101).startsWith("$7$C6..../....");
        assertThat(PasswordHash.verify(hash, "Correct Horse Battery Staple")).isTrue();
        assertThat(PasswordHash.verify(hash, "correct horse battery staple")).isFalse();
    }

    @Test
    void hashSaltsEachCall() {
        assertThat(PasswordHash.hash("same")).isNotEqualTo(PasswordHash.hash("same"));
    }

    @Test
    void settingEncodesParametersLittleEndian() {
        assertThat(Escrypt.setting(14, 8, 1, new byte[0])).isEqualTo("$7$C6..../....");
        // 0x3fffffff fills all five 6-bit groups; 3 bytes 0x010203 read little-endian as 0x030201
        assertThat(Escrypt.setting(1, 0x3fffffff, 64, new byte[] {1, 2, 3}))
                .isEqualTo("$7$/zzzzz./.../6k.");
    }
}
