package id.payung;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Payung: one deployable, split into Spring Modulith application modules under {@code id.payung}. */
@SpringBootApplication
@Modulithic(systemName = "Payung", sharedModules = "platform")
public class PayungApplication {

    public static void main(String[] args) {
        SpringApplication.run(PayungApplication.class, args);
    }
}
