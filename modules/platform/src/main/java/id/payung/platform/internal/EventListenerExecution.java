package id.payung.platform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run the modules' asynchronous event listeners (every {@code @ApplicationModuleListener}).
 * Spring Boot's default with virtual threads starts one thread per event with no bound: under a burst of
 * events hundreds of listeners then wait for the twenty database connections, time out after 30 s and
 * leave their publications failed, and requests wait behind them. A fixed number of listener threads
 * (fewer than the connections) with a queue in front keeps connections for requests; the queued events
 * are already in the publication registry, so a restart loses none of them.
 */
@Configuration(proxyBeanMethods = false)
class EventListenerExecution {

    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${payung.events.listener-threads:8}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setThreadNamePrefix("event-listener-");
        // at shutdown, running and queued listeners get 10 s to finish; what does not stays incomplete and is delivered at restart
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
