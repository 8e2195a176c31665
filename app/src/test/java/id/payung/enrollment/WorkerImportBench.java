package id.payung.enrollment;

import id.payung.platform.Actor;
import id.payung.platform.Role;
import id.payung.platform.TenantId;
import id.payung.support.Acting;
import org.springframework.context.ApplicationContext;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Lets the bench (another package) start an import through the endpoint's service path and wait for it. */
public final class WorkerImportBench {

    public static WorkerImports.ImportJob importAs(ApplicationContext context, TenantId tenant, Path file, WorkerImports.Mode mode) throws Exception {
        WorkerImports imports = context.getBean(WorkerImports.class);
        Actor operator = Acting.person("bench-operator", Optional.of(tenant), Role.DISNAKER_OPERATOR);
        return Acting.as(operator, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                var started = imports.startJob(tenant, file.getFileName().toString(), in, mode);
                started.work().get();
                return imports.get(tenant, started.id());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private WorkerImportBench() {
    }
}
