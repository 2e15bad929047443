//! What answers a request that no route took: `405 Method Not Allowed` with `Allow` for a path
//! the API documents under another method, `404` for everything else.
//!
//! actix registers each handler as its own resource guarded by its method, so a `DELETE` on a
//! path that only has `GET` and `POST` falls through every resource to the default service.
//! The methods a path has are taken from the OpenAPI document itself (the one place that lists
//! every route), so the `Allow` header cannot drift from what is documented.

use crate::error::ErrorCode;
use actix_web::HttpResponse;
use actix_web::http::{Method, StatusCode, header};

use super::problem::Problem;

/// The documented path templates (`/api/v1/admin/users/{user_id}`) and their methods.
pub struct DocumentedRoutes(Vec<(Vec<Segment>, Vec<Method>)>);

#[derive(PartialEq, Eq)]
enum Segment {
    Literal(String),
    Parameter,
}

impl DocumentedRoutes {
    pub fn from_openapi(api: &utoipa::openapi::OpenApi) -> Self {
        let routes = api
            .paths
            .paths
            .iter()
            .map(|(template, item)| {
                let segments = template
                    .split('/')
                    .map(|s| {
                        if s.starts_with('{') && s.ends_with('}') {
                            Segment::Parameter
                        } else {
                            Segment::Literal(s.to_owned())
                        }
                    })
                    .collect();
                let methods = [
                    (Method::GET, item.get.is_some()),
                    (Method::PUT, item.put.is_some()),
                    (Method::POST, item.post.is_some()),
                    (Method::DELETE, item.delete.is_some()),
                    (Method::OPTIONS, item.options.is_some()),
                    (Method::HEAD, item.head.is_some()),
                    (Method::PATCH, item.patch.is_some()),
                    (Method::TRACE, item.trace.is_some()),
                ]
                .into_iter()
                .filter_map(|(method, present)| present.then_some(method))
                .collect();
                (segments, methods)
            })
            .collect();
        Self(routes)
    }

    /// The methods documented for `path`, empty when the API has no such path. Where a literal
    /// template and a parameter one both match (`/me/methods/confirm`, `/me/methods/{id}`), the
    /// one with more literal segments wins, as it does in the router.
    pub fn methods_for(&self, path: &str) -> Vec<Method> {
        let parts: Vec<&str> = path.split('/').collect();
        let mut best: Option<(usize, &Vec<Method>)> = None;
        for (segments, allowed) in &self.0 {
            let matches = segments.len() == parts.len()
                && segments.iter().zip(&parts).all(|(s, p)| match s {
                    Segment::Literal(l) => l == p,
                    Segment::Parameter => !p.is_empty(),
                });
            if !matches {
                continue;
            }
            let literals = segments
                .iter()
                .filter(|s| matches!(s, Segment::Literal(_)))
                .count();
            if best.is_none_or(|(n, _)| literals > n) {
                best = Some((literals, allowed));
            }
        }
        best.map(|(_, methods)| methods.clone()).unwrap_or_default()
    }

    /// The answer for a request that no route took.
    pub fn answer(&self, method: &Method, path: &str) -> HttpResponse {
        let allowed = self.methods_for(path);
        if allowed.is_empty() || allowed.contains(method) {
            return Problem::new(
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                "no such resource",
            )
            .response();
        }
        let allow = allowed
            .iter()
            .map(Method::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        let mut response = Problem::new(
            StatusCode::METHOD_NOT_ALLOWED,
            ErrorCode::MethodNotAllowed,
            format!("{method} is not allowed here; allowed: {allow}"),
        )
        .response();
        if let Ok(value) = header::HeaderValue::from_str(&allow) {
            response.headers_mut().insert(header::ALLOW, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routes() -> DocumentedRoutes {
        DocumentedRoutes::from_openapi(&super::super::openapi())
    }

    #[test]
    fn a_documented_path_lists_its_methods() {
        let methods =
            routes().methods_for("/api/v1/admin/users/0190a1b2-0000-7000-8000-000000000000");
        assert!(methods.contains(&Method::GET));
        assert!(methods.contains(&Method::PATCH));
        assert!(methods.contains(&Method::DELETE));
        assert!(!methods.contains(&Method::POST));
    }

    #[test]
    fn a_literal_path_wins_over_a_parameter_one() {
        assert_eq!(
            routes().methods_for("/api/v1/me/methods/confirm"),
            vec![Method::POST]
        );
    }

    #[test]
    fn an_unknown_path_has_no_methods() {
        assert!(routes().methods_for("/api/v1/nothing-here").is_empty());
        assert!(routes().methods_for("/api/v1/admin/users/").is_empty());
    }

    #[test]
    fn another_method_on_a_documented_path_is_405_with_allow() {
        let answer = routes().answer(&Method::DELETE, "/api/v1/health");
        assert_eq!(answer.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(answer.headers().get(header::ALLOW).unwrap(), "GET");
    }
}
