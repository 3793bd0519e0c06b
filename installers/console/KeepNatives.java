import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a jar without the native libraries of other platforms: {@code java KeepNatives.java JAR DIR KEEP}
 * drops every entry under {@code DIR} (e.g. {@code org/sqlite/native/}) that is not under {@code DIR + KEEP}
 * (e.g. {@code Linux/x86_64/}). Used by build-console.sh on sqlite-jdbc, which ships natives for 25 platforms.
 * Run as a source-file program so the build needs nothing but the JDK.
 */
public final class KeepNatives {
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        String dir = args[1];
        String keep = dir + args[2];
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int dropped = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String name = e.getName();
                if (name.startsWith(dir) && !name.startsWith(keep) && !keep.startsWith(name)) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("[console] " + jar.getFileName() + ": kept " + keep + ", dropped " + dropped + " entries");
    }
}
