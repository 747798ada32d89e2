package ai.stratum.sandbox;

import ai.stratum.sandbox.google.GoogleEmulator;
import ai.stratum.sandbox.meta.MetaEmulator;
import ai.stratum.sandbox.platform.PlatformEmulator;
import ai.stratum.sandbox.snapchat.SnapchatEmulator;
import ai.stratum.sandbox.tiktok.TikTokEmulator;

import java.util.List;

/** The simulated platforms the sandbox has, each speaking its API as the real one does. */
public final class SandboxPlatforms {

    private SandboxPlatforms() {
    }

    /** @return new emulators of Meta, Google Ads, TikTok and Snapchat, with the platforms' own page sizes */
    public static List<PlatformEmulator> all() {
        return List.of(new MetaEmulator(), new GoogleEmulator(), new TikTokEmulator(), new SnapchatEmulator());
    }

    /** @return a builder with every platform on any free port */
    public static Sandbox.Builder everyPlatform() {
        Sandbox.Builder builder = Sandbox.builder();
        all().forEach(builder::platform);
        return builder;
    }
}
