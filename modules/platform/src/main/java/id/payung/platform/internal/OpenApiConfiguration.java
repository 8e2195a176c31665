package id.payung.platform.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI payungOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Payung API")
                .version("v1")
                .description("JKK and JKM cover for vulnerable informal workers, run by Indonesian regional "
                        + "governments. Errors are RFC 9457 problem details; Accept-Language: id (default) or en."));
    }
}
