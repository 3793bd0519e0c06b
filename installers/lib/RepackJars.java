import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites jars for packaging: {@code java RepackJars.java [--keep-natives DIR KEEP] [--store] JAR...}.
 *
 * <p>{@code --keep-natives} drops every entry under {@code DIR} (e.g. {@code org/sqlite/native/}) that is not under
 * {@code DIR + KEEP} (e.g. {@code Linux/x86_64/}): sqlite-jdbc ships natives for 25 platforms, about 12 MB; jars
 * with nothing under {@code DIR} are left as they are.
 * {@code --store} writes the entries uncompressed: a tarball compresses a run of uncompressed class files with one
 * dictionary across them, which made the runtime image's jars 26 % smaller in the {@code .tar.gz} than the
 * same jars deflated entry by entry. Signed jars stay valid: signatures cover the entries' content, not how it is
 * stored. Run as a source-file program so the build needs nothing but the JDK.
 */
public final class RepackJars {
    public static void main(String[] args) throws IOException {
        String dir = null;
        String keep = null;
        boolean store = false;
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep-natives" -> {
                    dir = args[++i];
                    keep = dir + args[++i];
                }
                case "--store" -> store = true;
                default -> jars.add(Path.of(args[i]));
            }
        }
        for (Path jar : jars) {
            int dropped = repack(jar, dir, keep, store);
            if (dropped > 0) {
                System.out.println("[repack] " + jar.getFileName() + ": kept " + keep + ", dropped " + dropped + " entries");
            }
        }
    }

    private static int repack(Path jar, String dir, String keep, boolean store) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int dropped = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                if (dir != null && name.startsWith(dir) && !name.startsWith(keep) && !keep.startsWith(name)) {
                    dropped++;
                    continue;
                }
                byte[] content = in.readAllBytes();
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                if (store) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCompressedSize(content.length);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        return dropped;
    }
}
